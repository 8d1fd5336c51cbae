package org.triplehelix.talent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.registry.ForeignKindImporter;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.OfficeFiles;
import org.triplehelix.shared.RecordIds;
import org.triplehelix.shared.Workbooks;
import org.xml.sax.SAXException;

/**
 * Import of programs, students, needs and university figures from the CSV and XLSX templates
 * (one row a record, the header row naming the columns of {@link TalentWriter#COLUMNS}, lists
 * separated by {@code ;}). A file is imported whole or not at all: every row is checked, each
 * error is reported with its file, line and field, and if there is one, nothing is written.
 */
@Service
public class TalentImport {

    static final int MAX_ROWS = 20_000;
    /** The bytes read from a file's start to tell what it is: a zip's or OLE2's signature, a byte order mark. */
    private static final int HEAD = 8;

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

    /** Imports a file in hand (tests, and callers that hold it already); an upload comes as a stream. */
    public Result importFile(String requestedKind, String fileName, byte[] bytes) {
        try {
            return importFile(requestedKind, fileName, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Imports an upload: the stream is copied to a temporary file readable by its owner alone and
     * read from there (deleted when read), so that the heap never holds the whole upload.
     */
    public Result importFile(String requestedKind, String fileName, InputStream upload) throws IOException {
        scope.requireSignedIn();
        if (!canImport()) {
            throw new AccessDeniedException("only administrators, organization administrators and enterprise users import");
        }
        String kind = kindOf(requestedKind, fileName);
        List<Map.Entry<Long, Fields>> rows;
        Path file = copy(upload);
        try {
            rows = read(fileName, file);
        } finally {
            Files.deleteIfExists(file);
        }
        List<RowError> errors = new ArrayList<>();
        int[] imported = {0};
        transaction.executeWithoutResult(status -> {
            for (Map.Entry<Long, Fields> row : rows) {
                RowError error = write(kind, fileName, row.getKey(), row.getValue(), false).error();
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

    /** What writing one record did: its error, or (without one) whether it was new, changed or the same as stored. */
    record Written(RowError error, ForeignKindImporter.Change change) {

        static Written refused(RowError error) {
            return new Written(error, null);
        }
    }

    /** Writes one record in a savepoint; its error, or what it changed (compared with what was stored under its id). */
    Written write(String kind, String file, long line, Fields fields, boolean illustrative) {
        try {
            return new Written(null, savepoint.execute(status -> {
                // an imported id is written in space-separated files (TREC runs) as it is: one holding whitespace is refused,
                // even one stored before the rule (the pages and the API take that one, to keep its record editable)
                String id = RecordIds.requireNoSpace("id", fields.get("id"));
                Optional<Map<String, Object>> before = id == null ? Optional.empty() : writer.content(kind, id);
                String extId = writer.save(kind, fields, illustrative);
                return before.isEmpty() ? ForeignKindImporter.Change.NEW
                        : before.equals(writer.content(kind, extId)) ? ForeignKindImporter.Change.UNCHANGED : ForeignKindImporter.Change.CHANGED;
            }));
        } catch (InvalidInputException e) {
            return Written.refused(e.key() != null ? RowError.of(file, line, fields.get("id"), e.field(), e.getMessage(), e.key(), e.args())
                    : RowError.of(file, line, fields.get("id"), e.field(), e.getMessage(), "form.refused", e.getMessage()));
        } catch (AccessDeniedException e) {
            return Written.refused(RowError.of(file, line, fields.get("id"), null, "outside your scope: " + e.getMessage(), "talent.import.row.scope"));
        } catch (org.springframework.dao.DataAccessException e) {
            String root = rootMessage(e);
            return Written.refused(RowError.of(file, line, fields.get("id"), null, "refused by the database: " + root, "talent.import.row.database", root));
        } catch (RuntimeException e) {
            return Written.refused(RowError.of(file, line, fields.get("id"), null, String.valueOf(e.getMessage()), "talent.import.row.failed", e.getMessage()));
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

    /**
     * The rows of a CSV or XLSX file with their line numbers (the header is line 1, or the line after
     * a title above it). The files are read as offices save them ({@link OfficeFiles}): CSV in
     * UTF-8, or in GB18030 when it is not UTF-8 (Excel on Chinese Windows), workbook cells as the
     * data they hold whatever their format, a workbook named .csv or a text named .xlsx refused as such.
     */
    static List<Map.Entry<Long, Fields>> read(String fileName, byte[] bytes) {
        try {
            Path file = copy(new ByteArrayInputStream(bytes));
            try {
                return read(fileName, file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The rows of the file at {@code file}, named {@code fileName} by its uploader; read as a stream, never held whole. */
    static List<Map.Entry<Long, Fields>> read(String fileName, Path file) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        byte[] head = head(file);
        if (name.endsWith(".xlsx")) {
            if (!OfficeFiles.isZip(head)) {
                throw new TalentInputException("file", "talent.reason.notWorkbook", fileName + " is not an XLSX workbook (not a zip file):"
                        + " save it as .xlsx, or give a CSV file the extension .csv", fileName);
            }
            return readXlsx(fileName, file);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            if (OfficeFiles.isZip(head) || OfficeFiles.isOldExcel(head)) {
                throw new TalentInputException("file", "talent.reason.workbookAsCsv", fileName + " is an Excel workbook, not CSV text:"
                        + " give it the extension .xlsx (an .xls: save it as .xlsx)", fileName);
            }
            return readCsv(fileName, file, head);
        }
        throw new TalentInputException("file", "talent.reason.fileType", "use a .csv or .xlsx file");
    }

    /** A copy of the stream in a new temporary file that only its owner may read; the caller deletes it. */
    static Path copy(InputStream in) throws IOException {
        Path file = Files.getFileStore(Path.of(System.getProperty("java.io.tmpdir"))).supportsFileAttributeView("posix")
                ? Files.createTempFile("helix-talent-", ".upload", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile("helix-talent-", ".upload");
        // written into the file as created (Files.copy with REPLACE_EXISTING would make a new one, with the umask's permissions)
        try (in; OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            in.transferTo(out);
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The file's first bytes, enough for its signature (zip, OLE2) and byte order mark. */
    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    private static List<Map.Entry<Long, Fields>> readCsv(String fileName, Path file, byte[] head) throws IOException {
        List<Map.Entry<Long, Fields>> rows = new ArrayList<>();
        Text text = decode(fileName, file, head);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(text.separator()).setIgnoreEmptyLines(false).setTrim(true).get();
        try (Reader reader = text.open(file); CSVParser parser = format.parse(reader)) {
            List<String> header = null;
            long previousEnd = 0;
            for (CSVRecord record : parser) {
                // empty lines come as records too, so that this is the line the record starts on
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = isTitle(cells) ? null : cells.stream().map(OfficeFiles::column).toList();
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < cells.size(); i++) {
                    values.put(header.get(i), cells.get(i));
                }
                rows.add(Map.entry(line, new Fields(values)));
                limit(rows.size());
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new TalentInputException("file", "talent.reason.unreadable", fileName + " is not a readable CSV file: " + e.getMessage(), fileName, e.getMessage());
        }
        return rows;
    }

    /** How a CSV file's text is read: its encoding, the bytes of its BOM, and the separator of its cells. */
    private record Text(java.nio.charset.Charset charset, int bom, char separator) {

        Reader open(Path file) throws IOException {
            InputStream in = Files.newInputStream(file);
            try {
                in.skipNBytes(bom);
                return new java.io.BufferedReader(new java.io.InputStreamReader(in, OfficeFiles.strict(charset)), 65_536);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        }
    }

    /**
     * How to read a CSV file's text, strictly decoded and without its BOM: UTF-8 or UTF-16 (LE, BE)
     * after their BOM; without one UTF-8, else GB18030; UTF-16 without its BOM (NUL bytes) and text
     * that is none of these refused (no mojibake imported). The file is read through (a buffer at a
     * time) to check it, and to find its separator, before a row is read.
     */
    private static Text decode(String fileName, Path file, byte[] head) throws IOException {
        Optional<java.nio.charset.Charset> utf16 = OfficeFiles.utf16Bom(head);
        if (utf16.isPresent()) {
            return decode(fileName, file, 2, utf16.get());
        }
        if (OfficeFiles.hasUtf8Bom(head)) {
            return decode(fileName, file, 3, StandardCharsets.UTF_8);
        }
        if (holdsNul(file)) {
            throw new TalentInputException("file", "talent.reason.utf16NoBom", fileName + " holds NUL bytes, as UTF-16 text saved without"
                    + " its byte order mark does: save it from Excel as \"CSV UTF-8\"", fileName);
        }
        for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_8, OfficeFiles.GB18030)) {
            Optional<Character> separator = separator(file, 0, charset);
            if (separator.isPresent()) {
                return new Text(charset, 0, separator.get());
            }
        }
        throw new TalentInputException("file", "talent.reason.encoding", fileName + " is neither UTF-8 nor GB18030 (GBK) text:"
                + " save it from Excel as \"CSV UTF-8\"", fileName);
    }

    /** The text after a BOM, decoded strictly: a byte missing or half a surrogate pair refuses the file. */
    private static Text decode(String fileName, Path file, int bom, java.nio.charset.Charset charset) throws IOException {
        Optional<Character> separator = separator(file, bom, charset);
        if (separator.isPresent()) {
            return new Text(charset, bom, separator.get());
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            throw new TalentInputException("file", "talent.reason.encoding", fileName + " is neither UTF-8 nor GB18030 (GBK) text:"
                    + " save it from Excel as \"CSV UTF-8\"", fileName);
        }
        throw new TalentInputException("file", "talent.reason.utf16Malformed", fileName + " begins with the byte order mark of "
                + charset.name() + " but is not " + charset.name() + " text throughout (a byte missing, or half of a character pair):"
                + " save it again from Excel as \"CSV UTF-8\"", fileName, charset.name());
    }

    /**
     * The separator of the file's text ({@link OfficeFiles#separator}) when the whole file after
     * {@code bom} bytes is strictly {@code charset}, else empty. The text is decoded a buffer at a
     * time; of it only the beginning up to the separator's decision is looked at (the decision is
     * the same as on the whole text: a comma, or a line end after a TAB, decides it; else the end).
     */
    private static Optional<Character> separator(Path file, int bom, java.nio.charset.Charset charset) throws IOException {
        OfficeFiles.SeparatorScan scan = new OfficeFiles.SeparatorScan();
        char[] buffer = new char[8192];
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(bom);
            Reader reader = new java.io.InputStreamReader(in, OfficeFiles.strict(charset));
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                for (int i = 0; i < n && !scan.decided(); i++) {
                    scan.accept(buffer[i]);
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
        return Optional.of(scan.separator());
    }

    /** Whether the file holds a NUL byte ({@link OfficeFiles#holdsNul}), read a buffer at a time. */
    private static boolean holdsNul(Path file) throws IOException {
        byte[] buffer = new byte[65_536];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (OfficeFiles.holdsNul(buffer, n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A row above the header with one cell filled that is no column: a title (often merged across the columns). */
    private static boolean isTitle(List<String> cells) {
        List<String> filled = cells.stream().filter(cell -> cell != null && !cell.isBlank()).toList();
        return filled.size() == 1 && TalentWriter.COLUMNS.values().stream().noneMatch(columns -> columns.contains(OfficeFiles.column(filled.getFirst())));
    }

    private static List<Map.Entry<Long, Fields>> readXlsx(String fileName, Path file) {
        try {
            return WorkbookRows.read(fileName, file, Workbooks.maxSharedStrings(), TalentImport::isTitle, TalentImport::limit);
        } catch (IOException | SAXException | OpenXML4JException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            if (e instanceof SAXException sax && sax.getException() instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new TalentInputException("file", "talent.reason.unreadable", fileName + " is not a readable XLSX file: " + e.getMessage(), fileName, e.getMessage());
        }
    }

    /** Stops a file at its row past the limit, before the rest of it is read. */
    private static void limit(int rows) {
        if (rows > MAX_ROWS) {
            throw new TalentInputException("file", "talent.reason.tooManyRows", "at most " + MAX_ROWS + " rows a file", MAX_ROWS);
        }
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
