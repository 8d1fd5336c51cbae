package org.triplehelix.shared;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.xml.sax.SAXException;

/**
 * What every module that reads an XLSX workbook as a stream of rows (POI's event API) must take
 * from the workbook besides its sheets, and which POI's sheet handler does not: its shared strings
 * held within a bound, and its date system.
 */
public final class Workbooks {

    private Workbooks() {
    }

    /**
     * The most bytes of shared-strings XML one workbook may hold: a quarter of the heap (their
     * strings take about as much again), so that one upload cannot take the server's memory.
     */
    public static long maxSharedStrings() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /**
     * The workbook's shared strings, which must be held (every text cell Excel writes points into
     * them), read as long as their XML takes at most {@code maxBytes}: beyond that the reading stops,
     * before the heap is gone, and {@code tooMany} is thrown, given the bound in MB, for the caller
     * to refuse the workbook by name in its own words.
     */
    public static <E extends Exception> ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg, long maxBytes, LongFunction<E> tooMany)
            throws IOException, SAXException, E {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(pkg);
        }
        try (InputStream in = new Bounded(parts.getFirst().getInputStream(), maxBytes)) {
            return new ReadOnlySharedStringsTable(in);
        } catch (IOException | SAXException e) {
            if (isBoundReached(e)) {
                throw tooMany.apply(maxBytes >> 20);
            }
            throw e;
        }
    }

    /**
     * Whether the workbook counts its dates from 1904 ({@code <workbookPr date1904="1"/>}, Excel
     * for Mac's default until 2011) rather than from 1900: its date serials are 1,462 days fewer
     * for the same date, and read as 1900 ones they come out 4 years and a day early. POI's sheet
     * handler does not pass the flag on to the formatter; the reader must.
     */
    public static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException {
        try (InputStream in = reader.getWorkbookData()) {
            CTWorkbook workbook = WorkbookDocument.Factory.parse(in, POIXMLTypeLoader.DEFAULT_XML_OPTIONS).getWorkbook();
            return workbook != null && workbook.isSetWorkbookPr() && workbook.getWorkbookPr().getDate1904();
        } catch (XmlException e) {
            throw new IOException("the workbook part is not readable XML: " + e.getMessage(), e);
        }
    }

    private static boolean isBoundReached(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause instanceof SAXException sax && sax.getException() != null ? sax.getException() : cause.getCause()) {
            if (cause instanceof BoundReached) {
                return true;
            }
        }
        return false;
    }

    /** Raised by {@link Bounded} past its bound, found again by {@link #sharedStrings} whatever the parser wrapped it in. */
    private static final class BoundReached extends IOException {
        BoundReached() {
            super("more bytes than the bound");
        }
    }

    /** Fails once more than {@code max} bytes have been read through it. */
    private static final class Bounded extends FilterInputStream {

        private final long max;
        private long count;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws IOException {
            count += n;
            if (count > max) {
                throw new BoundReached();
            }
        }
    }
}
