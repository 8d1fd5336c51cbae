package org.triplehelix.registry.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.triplehelix.shared.OfficeFiles;

/**
 * CSV (RFC 4180, header row) in the template of its kind (see {@link Tabular}). The template is
 * UTF-8, but Excel on Chinese Windows saves "CSV (逗号分隔)" in the ANSI code page, GBK, without a
 * BOM: a file that is not valid UTF-8 in its first megabyte is read as GB18030 (a superset of
 * GBK), strictly, so that a byte that fits neither stops the file with a clear reason instead of
 * importing mojibake. A UTF-8 BOM is dropped. UTF-16 (LE or BE) is read when the file begins with
 * its byte order mark, as Excel's "Unicode Text" and Windows tools save it; without the mark it is
 * refused by name (it holds NUL bytes, which no UTF-8 or GBK text does). A file whose first line
 * with a separator holds TABs and no comma is TAB-separated (Excel's "Unicode Text" is), read with
 * the same quoting.
 */
public final class CsvReader implements RecordReader {

    /** GBK text is told from UTF-8 within a few characters; a megabyte of ASCII first is not a real office file. */
    private static final int SNIFF = 1 << 20;
    /** Commons CSV's words for a quoted field that the file ends inside, with the line it starts on. */
    private static final Pattern UNCLOSED_QUOTE = Pattern.compile("\\(startline ([\\d,]+)\\) EOF reached before encapsulated token finished");

    private final String file;
    private final InputStream input;
    private Charset charset = StandardCharsets.UTF_8;
    private char separator = ',';

    public CsvReader(String file, InputStream input) {
        this.file = file;
        this.input = input;
    }

    /** The encoding the file was read in (after {@link #read}): UTF-8, GB18030, or UTF-16LE or UTF-16BE (after their BOM). */
    public Charset charset() {
        return charset;
    }

    /** Whether the encoding was guessed (GB18030: the file is not UTF-8) rather than declared by a BOM or UTF-8 throughout. */
    public boolean charsetGuessed() {
        return charset.equals(OfficeFiles.GB18030);
    }

    /** The cell separator (after {@link #read}): the comma, or TAB for a file whose header line holds TABs and no comma. */
    public char separator() {
        return separator;
    }

    @Override
    public void read(Consumer<RawRecord> sink, LongConsumer bytesRead) throws IOException {
        CountingInputStream counting = new CountingInputStream(input);
        BufferedInputStream buffered = new BufferedInputStream(counting, SNIFF);
        charset = sniff(buffered);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).get();
        try (Reader reader = new InputStreamReader(buffered, OfficeFiles.strict(charset));
             CSVParser parser = CSVParser.parse(reader, format)) {
            read(parser, sink, bytesRead, counting);
        } catch (UncheckedIOException e) {
            throw e.getCause() instanceof CharacterCodingException coding ? notText(coding)
                    : e.getCause() instanceof CSVException csv ? unclosedQuote(csv) : e.getCause();
        } catch (CharacterCodingException e) {
            throw notText(e);
        }
    }

    private void read(CSVParser parser, Consumer<RawRecord> sink, LongConsumer bytesRead, CountingInputStream counting) {
        List<String> columns = null;
        int kindColumn = -1;
        Optional<String> fileKind = Tabular.kindFromName(file);
        long previousEnd = 0;
        for (CSVRecord row : parser) {
            // empty lines come as records too (not ignored by the parser), so that this is where the record starts
            long line = previousEnd + 1;
            previousEnd = parser.getCurrentLineNumber();
            List<String> cells = row.toList();
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (columns == null) {
                if (Tabular.isTitle(cells)) {
                    continue;
                }
                columns = new ArrayList<>();
                for (String header : cells) {
                    columns.add(Tabular.column(header));
                }
                kindColumn = columns.indexOf("kind");
                Optional<RawRecord> missing = Tabular.missingColumn(file, line, fileKind.orElse(null), columns, kindColumn >= 0);
                if (missing.isPresent()) {
                    sink.accept(missing.get());
                    return;
                }
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

    /** The file's encoding from its first bytes; a workbook given as CSV is refused by name. */
    private Charset sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        if (OfficeFiles.hasUtf8Bom(head)) {
            in.skipNBytes(3);
            separator = OfficeFiles.separator(sample(head, 3, StandardCharsets.UTF_8));
            return StandardCharsets.UTF_8;
        }
        Optional<Charset> utf16 = OfficeFiles.utf16Bom(head);
        if (utf16.isPresent()) {
            in.skipNBytes(2);
            separator = OfficeFiles.separator(sample(head, 2, utf16.get()));
            return utf16.get();
        }
        Spreadsheets.refuseWorkbook(file, head);
        if (OfficeFiles.holdsNul(head, head.length)) {
            throw new UnreadableFileException(file + " holds NUL bytes, as UTF-16 text saved without its byte order mark does:"
                    + " save it from Excel as \"CSV UTF-8\"", "registry.import.error.utf16NoBom", file);
        }
        // the whole file when it is shorter than the sample
        Optional<Charset> charset = OfficeFiles.encoding(head, head.length, head.length < SNIFF);
        if (charset.isPresent()) {
            separator = OfficeFiles.separator(sample(head, 0, charset.get()));
            return charset.get();
        }
        throw new UnreadableFileException(file + " is neither UTF-8 nor GB18030 (GBK) text: save it from Excel as \"CSV UTF-8\"",
                "registry.import.error.encoding");
    }

    /** The sample's text, for its separator: its last character may be cut, and a fault of the encoding is found when the file is read. */
    private static String sample(byte[] head, int from, Charset charset) {
        return new String(head, from, head.length - from, charset);
    }

    /**
     * A quoted field the file ends inside (a {@code "} missing, so that the rest of the file reads as one cell): the
     * line where it starts, so that the person who fixes the file finds it; any other fault of the CSV as it is.
     */
    private IOException unclosedQuote(CSVException e) {
        Matcher matcher = UNCLOSED_QUOTE.matcher(String.valueOf(e.getMessage()));
        if (!matcher.find()) {
            return e;
        }
        long line = Long.parseLong(matcher.group(1).replace(",", ""));
        return new UnreadableFileException(line, file + ": the quoted field that starts on line " + line
                + " is never closed (a \" is missing), so the rest of the file would read as one cell",
                "registry.import.error.unclosedQuote", line);
    }

    private IOException notText(Throwable cause) {
        if (charset.equals(StandardCharsets.UTF_16LE) || charset.equals(StandardCharsets.UTF_16BE)) {
            return new UnreadableFileException(file + " begins with the byte order mark of " + charset.name() + " but is not " + charset.name()
                    + " text throughout (a byte missing, or half of a character pair): save it again from Excel as \"CSV UTF-8\"",
                    cause, "registry.import.error.utf16Malformed", file, charset.name());
        }
        return new UnreadableFileException(file + " is not " + charset.name() + " text throughout (it was read as " + charset.name()
                + " from its beginning): save it from Excel as \"CSV UTF-8\"", cause, "registry.import.error.encodingChanges", charset.name());
    }

}
