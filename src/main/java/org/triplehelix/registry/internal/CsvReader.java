package org.triplehelix.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** CSV (RFC 4180, UTF-8, header row) in the template of its kind (see {@link Tabular}). */
public final class CsvReader implements RecordReader {

    private final String file;
    private final InputStream input;

    public CsvReader(String file, InputStream input) {
        this.file = file;
        this.input = input;
    }

    @Override
    public void read(Consumer<RawRecord> sink, LongConsumer bytesRead) throws IOException {
        CountingInputStream counting = new CountingInputStream(input);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        try (Reader reader = new InputStreamReader(counting, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> columns = null;
            int kindColumn = -1;
            Optional<String> fileKind = Tabular.kindFromName(file);
            long previousEnd = 0;
            for (CSVRecord row : parser) {
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                if (columns == null) {
                    columns = new ArrayList<>();
                    for (String header : row) {
                        columns.add(Tabular.column(header));
                    }
                    kindColumn = columns.indexOf("kind");
                    continue;
                }
                List<String> cells = row.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                String kind = kindColumn >= 0 && kindColumn < cells.size() && !cells.get(kindColumn).isBlank()
                        ? cells.get(kindColumn).strip() : fileKind.orElse(null);
                sink.accept(kind == null
                        ? RawRecord.unreadable(file, line, "no kind: add a kind column or name the file after its kind (organization.csv)",
                                "registry.import.error.noKindColumn")
                        : RawRecord.of(file, line, Tabular.toNode(kind, columns, cells)));
                if ((row.getRecordNumber() & 1023) == 0) {
                    bytesRead.accept(counting.count());
                }
            }
            bytesRead.accept(counting.count());
        }
    }
}
