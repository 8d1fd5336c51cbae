package org.triplehelix.registry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.registry.internal.InterchangeCodec;
import org.triplehelix.registry.internal.Tabular;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every record of a kind in the interchange format (JSON Lines, links as external ids,
 * bilingual objects only when both languages are there) or in its CSV (UTF-8 with a byte order
 * mark) or XLSX template, streaming from the database, so memory stays bounded whatever the
 * registry's size. Importing the output
 * changes nothing.
 */
@Service
public class RegistryExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StoredRecords records;
    private final TransactionTemplate readOnly;

    RegistryExport(StoredRecords records, PlatformTransactionManager transactionManager) {
        this.records = records;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Writes the records of {@code kind} to {@code out} (not closed); returns how many. */
    public long export(RecordKind kind, FileFormat format, OutputStream out) {
        try {
            return switch (format) {
                case JSON_LINES -> jsonLines(kind, out);
                case CSV -> csv(kind, out);
                case XLSX -> xlsx(kind, out);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long jsonLines(RecordKind kind, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long count = each(kind, record -> write(writer, JSON.writeValueAsString(InterchangeCodec.write(record)) + "\n"));
        writer.flush();
        return count;
    }

    /** UTF-8 with a byte order mark, as the templates and every other CSV of the product: Excel on Chinese Windows reads it as UTF-8. */
    private long csv(RecordKind kind, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write('\uFEFF');
        List<String> columns = Tabular.columns(kind.interchangeName());
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get());
        long count = each(kind, record -> {
            try {
                printer.printRecord(Tabular.toCells(columns, InterchangeCodec.write(record)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
        return count;
    }

    private long xlsx(RecordKind kind, OutputStream out) throws IOException {
        List<String> columns = Tabular.columns(kind.interchangeName());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet(kind.interchangeName());
            cells(sheet.createRow(0), columns);
            AtomicLong rows = new AtomicLong();
            long count = each(kind, record ->
                    cells(sheet.createRow((int) rows.incrementAndGet()), Tabular.toCells(columns, InterchangeCodec.write(record))));
            workbook.write(out);
            out.flush();
            return count;
        }
    }

    /** One row of string cells (a cell holds at most 32,767 characters). */
    static void cells(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null && !value.isEmpty()) {
                row.createCell(i).setCellValue(value.length() > 32_767 ? value.substring(0, 32_767) : value);
            }
        }
    }

    private long each(RecordKind kind, Consumer<RegistryRecord> action) {
        AtomicLong count = new AtomicLong();
        readOnly.executeWithoutResult(status -> records.forEach(kind, record -> {
            action.accept(record);
            count.incrementAndGet();
        }));
        return count.get();
    }

    private static void write(Writer writer, String line) {
        try {
            writer.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
