package org.triplehelix.talent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.InvalidInputException;

/**
 * Import of programs, students, needs and university figures from the CSV and XLSX templates
 * (one row a record, the header row naming the columns of {@link TalentWriter#COLUMNS}, lists
 * separated by {@code ;}). A file is imported whole or not at all: every row is checked, each
 * error is reported with its file, line and field, and if there is one, nothing is written.
 */
@Service
public class TalentImport {

    static final int MAX_ROWS = 20_000;

    private final TalentWriter writer;
    private final DataScope scope;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;

    TalentImport(TalentWriter writer, DataScope scope, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.writer = writer;
        this.scope = scope;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * A refused row: the English message for the API's JSON and the command line (both as they were,
     * the interchange contract), and its message key with arguments (as text) for the import page,
     * which says it in the reader's language; the key and arguments are not part of the JSON.
     */
    public record RowError(String file, long line, String id, String field, String message,
                           @JsonIgnore String key, @JsonIgnore List<String> args) {

        public RowError {
            args = args == null ? List.of() : List.copyOf(args);
        }

        static RowError of(String file, long line, String id, String field, String message, String key, Object... args) {
            return new RowError(file, line, id, field, message, key, Arrays.stream(args).map(String::valueOf).toList());
        }

        @Override
        public String toString() {
            return file + ":" + line + (id == null ? "" : " " + id) + (field == null ? "" : " [" + field + "]") + ": " + message;
        }
    }

    public record Result(String kind, String file, int rows, int imported, List<RowError> errors) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The kinds, with the words a file name may use for them. */
    public static String kindOf(String requested, String fileName) {
        if (requested != null && !requested.isBlank()) {
            String kind = requested.startsWith("talent_") ? requested : "talent_" + requested;
            if (TalentWriter.COLUMNS.containsKey(kind)) {
                return kind;
            }
            throw new TalentInputException("kind", "talent.reason.unknownKind", "unknown kind " + requested + "; one of program, student, need, supply", requested);
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        name = name.substring(name.lastIndexOf('/') + 1);
        for (String word : List.of("program", "student", "need", "supply")) {
            if (name.startsWith(word) || name.startsWith("talent_" + word) || name.startsWith("talent-" + word)) {
                return "talent_" + word;
            }
        }
        throw new TalentInputException("kind", "talent.reason.kindMissing",
                "say which kind the file holds (program, student, need, supply), or name the file after it (programs.csv)");
    }

    /** Whether the caller may import at all (each row is then checked against their scope). */
    public boolean canImport() {
        return scope.isAdmin() || scope.hasRole(Role.ORG_ADMIN) || scope.hasRole(Role.ENTERPRISE);
    }

    public Result importFile(String requestedKind, String fileName, byte[] bytes) {
        scope.requireSignedIn();
        if (!canImport()) {
            throw new AccessDeniedException("only administrators, organization administrators and enterprise users import");
        }
        String kind = kindOf(requestedKind, fileName);
        List<Map.Entry<Long, Fields>> rows = read(fileName, bytes);
        List<RowError> errors = new ArrayList<>();
        int[] imported = {0};
        transaction.executeWithoutResult(status -> {
            for (Map.Entry<Long, Fields> row : rows) {
                RowError error = write(kind, fileName, row.getKey(), row.getValue(), false);
                if (error == null) {
                    imported[0]++;
                } else {
                    errors.add(error);
                }
            }
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
                return;
            }
            events.publishEvent(new AuditableChange("import", kind, fileName, null, Map.of("rows", rows.size(), "imported", imported[0])));
        });
        return new Result(kind, fileName, rows.size(), errors.isEmpty() ? imported[0] : 0, errors);
    }

    /** Writes one record in a savepoint; its error, or null. */
    RowError write(String kind, String file, long line, Fields fields, boolean illustrative) {
        try {
            savepoint.executeWithoutResult(status -> writer.save(kind, fields, illustrative));
            return null;
        } catch (InvalidInputException e) {
            return e.key() != null ? RowError.of(file, line, fields.get("id"), e.field(), e.getMessage(), e.key(), e.args())
                    : RowError.of(file, line, fields.get("id"), e.field(), e.getMessage(), "form.refused", e.getMessage());
        } catch (AccessDeniedException e) {
            return RowError.of(file, line, fields.get("id"), null, "outside your scope: " + e.getMessage(), "talent.import.row.scope");
        } catch (org.springframework.dao.DataAccessException e) {
            String root = rootMessage(e);
            return RowError.of(file, line, fields.get("id"), null, "refused by the database: " + root, "talent.import.row.database", root);
        } catch (RuntimeException e) {
            return RowError.of(file, line, fields.get("id"), null, String.valueOf(e.getMessage()), "talent.import.row.failed", e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.lines().findFirst().orElse(message);
    }

    // --- reading ----------------------------------------------------------------------------

    /** The rows of a CSV or XLSX file with their line numbers (the header is line 1). */
    static List<Map.Entry<Long, Fields>> read(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return readXlsx(fileName, bytes);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return readCsv(fileName, bytes);
        }
        throw new TalentInputException("file", "talent.reason.fileType", "use a .csv or .xlsx file");
    }

    private static List<Map.Entry<Long, Fields>> readCsv(String fileName, byte[] bytes) {
        List<Map.Entry<Long, Fields>> rows = new ArrayList<>();
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Long> lineStarts = new ArrayList<>(List.of(0L));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add((long) i + 1);
            }
        }
        try (Reader reader = new java.io.StringReader(text);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                     .setTrim(true).get().parse(reader)) {
            List<String> header = parser.getHeaderNames().stream().map(TalentImport::column).toList();
            for (CSVRecord record : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                long position = record.getCharacterPosition();
                while (position < text.length() && (text.charAt((int) position) == '\r' || text.charAt((int) position) == '\n')) {
                    position++;   // empty lines before the record are skipped, not its line
                }
                int index = java.util.Collections.binarySearch(lineStarts, position);
                long line = index >= 0 ? index + 1 : -index - 1;
                rows.add(Map.entry(line, new Fields(values)));
                limit(rows);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new TalentInputException("file", "talent.reason.unreadable", fileName + " is not a readable CSV file: " + e.getMessage(), fileName, e.getMessage());
        }
        return rows;
    }

    private static List<Map.Entry<Long, Fields>> readXlsx(String fileName, byte[] bytes) {
        List<Map.Entry<Long, Fields>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row head = sheet.getRow(sheet.getFirstRowNum());
            if (head == null) {
                return rows;
            }
            List<String> header = new ArrayList<>();
            for (int c = 0; c < head.getLastCellNum(); c++) {
                Cell cell = head.getCell(c);
                header.add(cell == null ? "" : column(formatter.formatCellValue(cell)));
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    Cell cell = row.getCell(c);
                    values.put(header.get(c), cell == null ? null : formatter.formatCellValue(cell));
                }
                Fields fields = new Fields(values);
                if (!fields.values().isEmpty()) {
                    rows.add(Map.entry((long) r + 1, fields));
                    limit(rows);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new TalentInputException("file", "talent.reason.unreadable", fileName + " is not a readable XLSX file: " + e.getMessage(), fileName, e.getMessage());
        }
        return rows;
    }

    private static void limit(List<?> rows) {
        if (rows.size() > MAX_ROWS) {
            throw new TalentInputException("file", "talent.reason.tooManyRows", "at most " + MAX_ROWS + " rows a file", MAX_ROWS);
        }
    }

    private static String column(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace("\uFEFF", "");
    }

    // --- templates --------------------------------------------------------------------------

    public static byte[] csvTemplate(String kind) {
        return ("\uFEFF" + String.join(",", TalentWriter.COLUMNS.get(kindOf(kind, null))) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsxTemplate(String kind) {
        String theKind = kindOf(kind, null);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(theKind);
            Row head = sheet.createRow(0);
            List<String> columns = TalentWriter.COLUMNS.get(theKind);
            for (int i = 0; i < columns.size(); i++) {
                head.createCell(i).setCellValue(columns.get(i));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
