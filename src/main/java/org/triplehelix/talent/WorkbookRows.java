package org.triplehelix.talent;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
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
import org.triplehelix.shared.OfficeFiles;
import org.triplehelix.shared.Workbooks;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The rows of a workbook's first sheet, read as a stream (POI's SAX event API) so that a sheet is
 * read only as far as the rows it may hold: past the limit the reading stops, instead of a
 * million-row sheet being loaded whole first. The zip is opened from the upload's temporary file, so
 * that its sheet is inflated as it is read, not all at once (and POI's zip-bomb ratio still applies).
 * Cells are the data they hold, not what their format shows: what a formula computed, a number in
 * full and plain (1200, not 1,200.00; 15 significant digits, as Excel keeps), a date as its ISO
 * date and as its year in a year column, a boolean as {@code true} or {@code false}, an error as
 * no value. A date is counted from the workbook's epoch, 1900 or 1904 ({@link Workbooks#date1904}).
 * The workbook's shared strings are held, as they must be, within a bound ({@link Workbooks#sharedStrings}).
 */
final class WorkbookRows {

    private WorkbookRows() {
    }

    /**
     * The rows after the header (a single-cell title row above it skipped), with their row numbers;
     * {@code limit} is told the count after each row and stops the reading by throwing. A workbook
     * whose shared strings take more than {@code maxSharedStrings} bytes of XML is refused, naming
     * {@code fileName}, before they are all held.
     */
    static List<Map.Entry<Long, Fields>> read(String fileName, Path file, long maxSharedStrings, Predicate<List<String>> isTitle,
                                              IntConsumer limit) throws IOException, SAXException, org.apache.poi.openxml4j.exceptions.OpenXML4JException {
        try {
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                Iterator<InputStream> sheets = reader.getSheetsData();
                Rows rows = new Rows(isTitle, limit, Workbooks.date1904(reader));
                if (sheets.hasNext()) {
                    ReadOnlySharedStringsTable strings = Workbooks.sharedStrings(pkg, maxSharedStrings, megabytes -> new TalentInputException(
                            "file", "talent.reason.tooManyStrings", fileName + ": its texts (the shared strings) take more than " + megabytes
                            + " MB, more than this server holds for one workbook: split it, or save it as CSV UTF-8", fileName, megabytes));
                    try (InputStream sheet = sheets.next()) {
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new Cells(reader, strings, rows));
                        parser.parse(new InputSource(sheet));
                    }
                }
                return rows.read;
            }
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException(e);
        }
    }

    /** POI's handler, told the type of each cell as it starts, which its output does not say (a TRUE typed or a boolean's). */
    private static final class Cells extends XSSFSheetXMLHandler {

        private final Rows rows;

        Cells(XSSFReader reader, ReadOnlySharedStringsTable strings, Rows rows) throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
            super(reader.getStylesTable(), strings, rows, rows.formatter, false);
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("c".equals(localName)) {
                rows.startCell(attributes.getValue("t"));
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    /** The cells of each row; the first filled row that is no title is the header. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Predicate<List<String>> isTitle;
        private final IntConsumer limit;
        private final Dates formatter;
        private final List<Map.Entry<Long, Fields>> read = new ArrayList<>();
        private List<String> header;
        private List<String> cells = new ArrayList<>();
        private String type;

        Rows(Predicate<List<String>> isTitle, IntConsumer limit, boolean date1904) {
            this.isTitle = isTitle;
            this.limit = limit;
            this.formatter = new Dates(date1904);
        }

        void startCell(String type) {
            this.type = type;
            formatter.date = null;
            formatter.formatted = false;
        }

        @Override
        public void startRow(int row) {
            cells = new ArrayList<>();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (header != null && column >= header.size()) {
                return; // no column of the template, and no reason to hold it
            }
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, value(value, header == null ? "" : header.get(column)));
        }

        private String value(String value, String column) {
            if (value == null || "e".equals(type)) {
                return null;
            }
            if ("b".equals(type)) {
                return String.valueOf(!value.equals("FALSE"));
            }
            if (formatter.date != null) {
                return column.endsWith("year") ? String.valueOf(formatter.date.getYear()) : formatter.date.toLocalDate().toString();
            }
            if ((type == null || "n".equals(type)) && !formatter.formatted) {
                // a number with no style to format it: the raw text of the XML (1.2E3), made plain as a formatted one is
                try {
                    return plain(Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    return value;
                }
            }
            return value;
        }

        @Override
        public void endRow(int row) {
            if (cells.stream().allMatch(cell -> cell == null || cell.isBlank())) {
                return;
            }
            if (header == null) {
                header = isTitle.test(cells) ? null : cells.stream().map(OfficeFiles::column).toList();
                return;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                values.put(header.get(c), c < cells.size() ? cells.get(c) : null);
            }
            read.add(Map.entry((long) row + 1, new Fields(values)));
            limit.accept(read.size());
        }
    }

    /**
     * Numbers in full and plain; a date noted as the cell's date, counted from the workbook's epoch
     * (POI's sheet handler says 1900 always), which the row reads as a date or a year by its column.
     */
    private static final class Dates extends DataFormatter {

        private final boolean date1904;
        LocalDateTime date;
        /** Whether the cell's number went through the formatter (a cell without a style does not). */
        boolean formatted;

        Dates(boolean date1904) {
            super(Locale.ROOT);
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            formatted = true;
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                date = DateUtil.getLocalDateTime(value, use1904Windowing || date1904, true);
                return date.toLocalDate().toString();
            }
            return plain(value);
        }
    }

    private static String plain(double value) {
        return new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros().toPlainString();
    }
}
