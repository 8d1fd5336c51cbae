package org.triplehelix.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
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

    private final String file;
    private final Path path;
    private final InputStream input;
    private final long size;

    /** From a file on disk (random access to the zip) or, when {@code path} is null, from a stream. */
    public XlsxReader(String file, Path path, InputStream input, long size) {
        this.file = file;
        this.path = path;
        this.input = input;
        this.size = size;
    }

    @Override
    public void read(Consumer<RawRecord> sink, LongConsumer bytesRead) throws IOException {
        try (OPCPackage pkg = path != null ? OPCPackage.open(path.toFile(), PackageAccess.READ) : OPCPackage.open(input)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (!SKIPPED_SHEETS.contains(name.strip().toLowerCase(Locale.ROOT))) {
                        readSheet(sheet, strings, reader, name, sink);
                    }
                }
            }
            bytesRead.accept(size);
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException("not a readable XLSX workbook: " + e.getMessage(), e);
        } catch (org.apache.poi.UnsupportedFileFormatException e) {
            throw new IOException("not an XLSX workbook: " + e.getMessage(), e);
        }
    }

    private void readSheet(InputStream sheet, ReadOnlySharedStringsTable strings, XSSFReader reader, String name,
                           Consumer<RawRecord> sink) throws IOException, SAXException, ParserConfigurationException, OpenXML4JException {
        Optional<String> defaultKind = Tabular.kindFromName(name).or(() -> Tabular.kindFromName(file));
        Rows rows = new Rows(file + "[" + name + "]", defaultKind.orElse(null), sink);
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, rows, new DataFormatter(), false));
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

        Rows(String file, String defaultKind, Consumer<RawRecord> sink) {
            this.file = file;
            this.defaultKind = defaultKind;
            this.sink = sink;
        }

        @Override
        public void startRow(int row) {
            cells = new ArrayList<>();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, value == null ? "" : value);
        }

        @Override
        public void endRow(int row) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (columns == null) {
                columns = cells.stream().map(Tabular::column).toList();
                kindColumn = columns.indexOf("kind");
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
}
