package org.triplehelix.registry.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.triplehelix.shared.Workbooks;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * XLSX read as a stream of rows (POI's SAX event API), so a big sheet needs no more memory than
 * a row (the workbook's shared strings are held, as they must be). Every sheet is read with the
 * first row as the header, except sheets named help, readme or 说明; the kind of a sheet's rows is
 * the {@code kind} column, else the sheet name, else the file name. The line of a record is its
 * row number, and its file is {@code book.xlsx[sheet]}.
 */
public final class XlsxReader implements RecordReader {

    private static final Set<String> SKIPPED_SHEETS = Set.of("help", "readme", "说明");
    /** How POI's sheet handler gives a cell whose formula failed. */
    private static final Pattern FORMULA_ERROR = Pattern.compile("ERROR:#[A-Z0-9/!?]+");

    private final String file;
    private final Path path;
    private final InputStream input;
    private final long size;
    /** Bytes of shared-strings XML held at most ({@link Workbooks#maxSharedStrings}: a quarter of the heap). */
    private final long maxSharedStrings;

    /** From a file on disk (random access to the zip) or, when {@code path} is null, from a stream. */
    public XlsxReader(String file, Path path, InputStream input, long size) {
        this(file, path, input, size, Workbooks.maxSharedStrings());
    }

    XlsxReader(String file, Path path, InputStream input, long size, long maxSharedStrings) {
        this.file = file;
        this.path = path;
        this.input = input;
        this.size = size;
        this.maxSharedStrings = maxSharedStrings;
    }

    @Override
    public void read(Consumer<RawRecord> sink, LongConsumer bytesRead) throws IOException {
        InputStream stream = input == null ? null : new BufferedInputStream(input);
        Spreadsheets.refuseNonWorkbook(file, head(stream));
        try (OPCPackage pkg = path != null ? OPCPackage.open(path.toFile(), PackageAccess.READ) : OPCPackage.open(stream)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = sharedStrings(pkg);
            boolean date1904 = Workbooks.date1904(reader);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (!SKIPPED_SHEETS.contains(name.strip().toLowerCase(Locale.ROOT))) {
                        readSheet(sheet, strings, reader, date1904, name, sink);
                    }
                }
            }
            bytesRead.accept(size);
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException("not a readable XLSX workbook: " + e.getMessage(), e);
        } catch (org.apache.poi.UnsupportedFileFormatException e) {
            throw new IOException("not an XLSX workbook: " + e.getMessage(), e);
        } catch (IOException e) {
            throw zipBomb(e).orElseThrow(() -> e);
        }
    }

    /**
     * The workbook's shared strings, which must be held (every text cell of Excel's points into
     * them), at most {@code maxSharedStrings} bytes of their XML: beyond that the workbook is
     * refused by name, before the heap is gone; CSV and JSON Lines are read as a stream and have
     * no such bound.
     */
    private ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws IOException, SAXException {
        return Workbooks.sharedStrings(pkg, maxSharedStrings, megabytes -> new UnreadableFileException(
                file + ": its texts (the shared strings) take more than " + megabytes + " MB, more than this server holds"
                        + " for one workbook: split it, or save it as CSV UTF-8, which is read as a stream",
                "registry.import.error.tooManyStrings", megabytes));
    }

    /** The first bytes of the file, to tell a workbook from a CSV or an old .xls by content. */
    private byte[] head(InputStream stream) throws IOException {
        if (stream == null) {
            try (InputStream in = Files.newInputStream(path)) {
                return in.readNBytes(8);
            }
        }
        stream.mark(8);
        byte[] head = stream.readNBytes(8);
        stream.reset();
        return head;
    }

    /**
     * POI stops reading a part that expands more than a hundredfold (ZipSecureFile's ratio), as no
     * real sheet does and a zip bomb must, before it fills the memory; said so, not in POI's words.
     */
    private Optional<IOException> zipBomb(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().startsWith("Zip bomb detected")) {
                return Optional.of(new UnreadableFileException(file + " expands to more than a hundred times its size, as no real"
                        + " workbook does (a zip bomb?): it was refused before it could fill the memory", e, "registry.import.error.zipBomb"));
            }
        }
        return Optional.empty();
    }

    private void readSheet(InputStream sheet, ReadOnlySharedStringsTable strings, XSSFReader reader, boolean date1904, String name,
                           Consumer<RawRecord> sink) throws IOException, SAXException, ParserConfigurationException, OpenXML4JException {
        Optional<String> defaultKind = Tabular.kindFromName(name).or(() -> Tabular.kindFromName(file));
        Rows rows = new Rows(file + "[" + name + "]", defaultKind.orElse(null), sink);
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, rows, new PlainValues(date1904), false));
        parser.parse(new InputSource(sheet));
    }

    /** Collects the cells of each row; the first non-empty row is the header. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final String file;
        private final String defaultKind;
        private final Consumer<RawRecord> sink;
        private List<String> columns;
        private int kindColumn = -1;
        private List<String> cells = new ArrayList<>();
        /** The first cell of the row whose formula failed, and the error (#REF!), or null. */
        private String[] formulaError;
        /** Set when the header lacks a required column: the sheet's rows are not read. */
        private boolean stopped;

        Rows(String file, String defaultKind, Consumer<RawRecord> sink) {
            this.file = file;
            this.defaultKind = defaultKind;
            this.sink = sink;
        }

        @Override
        public void startRow(int row) {
            cells = new ArrayList<>();
            formulaError = null;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (columns != null && column >= columns.size()) {
                return; // past the header: no field of the record, and no reason to hold it
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, value == null ? "" : value);
            if (formulaError == null && value != null && FORMULA_ERROR.matcher(value).matches()) {
                formulaError = new String[] {reference == null ? "" : reference, value.substring("ERROR:".length())};
            }
        }

        @Override
        public void endRow(int row) {
            if (stopped || cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (columns == null) {
                if (Tabular.isTitle(cells)) {
                    return;
                }
                columns = cells.stream().map(Tabular::column).toList();
                kindColumn = columns.indexOf("kind");
                Tabular.missingColumn(file, row + 1L, defaultKind, columns, kindColumn >= 0).ifPresent(missing -> {
                    sink.accept(missing);
                    stopped = true;
                });
                return;
            }
            if (formulaError != null) {
                sink.accept(RawRecord.unreadable(file, row + 1L, "cell " + formulaError[0] + " holds the formula error " + formulaError[1],
                        "registry.import.error.formula", formulaError[0], formulaError[1]));
                return;
            }
            String kind = kindColumn >= 0 && kindColumn < cells.size() && !cells.get(kindColumn).isBlank()
                    ? cells.get(kindColumn).strip() : defaultKind;
            sink.accept(kind == null
                    ? RawRecord.unreadable(file, row + 1L, "no kind: add a kind column or name the sheet after its kind (organization)",
                            "registry.import.error.noKindSheet")
                    : RawRecord.of(file, row + 1L, Tabular.toNode(kind, columns, cells)));
        }
    }

    /**
     * Cell values as the data they hold rather than as the cell shows them: a number in full and
     * plain (420100, not 420,100.00; 15 significant digits, as Excel keeps), a date as its ISO date
     * (1893-11-29, not 1893年11月29日 or 11/29/93), so that a year or a code reads the same
     * whatever format the office gave the cell. A date is counted from the workbook's epoch, 1900
     * or 1904 ({@link Workbooks#date1904}), which POI's sheet handler does not pass on.
     */
    static final class PlainValues extends DataFormatter {

        private final boolean date1904;

        PlainValues(boolean date1904) {
            super(Locale.ROOT);
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime date = DateUtil.getLocalDateTime(value, use1904Windowing || date1904, true);
                return date.toLocalTime().equals(LocalTime.MIDNIGHT) ? date.toLocalDate().toString() : date.toString().replace('T', ' ');
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return String.valueOf(value);
            }
            return new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros().toPlainString();
        }
    }
}
