package org.triplehelix.registry.internal;

import java.io.IOException;
import java.util.Arrays;

/**
 * What a file is, from its first bytes rather than its name: people rename a CSV to .xlsx (or the
 * other way round) and keep old .xls workbooks, and each deserves its own reason, not a parser's.
 */
final class Spreadsheets {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private Spreadsheets() {
    }

    static boolean isZip(byte[] head) {
        return startsWith(head, ZIP);
    }

    static boolean isOldExcel(byte[] head) {
        return startsWith(head, OLE2);
    }

    /** Refuses a workbook given as a CSV file. */
    static void refuseWorkbook(String file, byte[] head) throws IOException {
        if (isZip(head)) {
            throw new UnreadableFileException(file + " is an XLSX workbook (a zip file), not CSV text: name it .xlsx",
                    "registry.import.error.workbookAsCsv");
        }
        if (isOldExcel(head)) {
            throw new UnreadableFileException(file + " is an Excel 97-2003 workbook (.xls), not CSV text: save it as .xlsx or as \"CSV UTF-8\"",
                    "registry.import.error.oldExcel");
        }
    }

    /** Refuses anything but a zip given as an XLSX workbook. */
    static void refuseNonWorkbook(String file, byte[] head) throws IOException {
        if (isOldExcel(head)) {
            throw new UnreadableFileException(file + " is an Excel 97-2003 workbook (.xls), not XLSX: save it as .xlsx (Excel Workbook)",
                    "registry.import.error.oldExcel");
        }
        if (!isZip(head)) {
            throw new UnreadableFileException(file + " is not an XLSX workbook (not a zip file; text such as CSV is read from a .csv file): "
                    + "save it as .xlsx, or name it after what it is", "registry.import.error.notWorkbook");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
