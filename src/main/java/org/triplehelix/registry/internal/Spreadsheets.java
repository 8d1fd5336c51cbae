package org.triplehelix.registry.internal;

import java.io.IOException;
import org.triplehelix.shared.OfficeFiles;

/**
 * What a file is, from its first bytes rather than its name: people rename a CSV to .xlsx (or the
 * other way round) and keep old .xls workbooks, and each deserves its own reason, not a parser's.
 */
final class Spreadsheets {

    private Spreadsheets() {
    }

    /** Refuses a workbook given as a CSV file. */
    static void refuseWorkbook(String file, byte[] head) throws IOException {
        if (OfficeFiles.isZip(head)) {
            throw new UnreadableFileException(file + " is an XLSX workbook (a zip file), not CSV text: name it .xlsx",
                    "registry.import.error.workbookAsCsv");
        }
        if (OfficeFiles.isOldExcel(head)) {
            throw new UnreadableFileException(file + " is an Excel 97-2003 workbook (.xls), not CSV text: save it as .xlsx or as \"CSV UTF-8\"",
                    "registry.import.error.oldExcel");
        }
    }

    /** Refuses anything but a zip given as an XLSX workbook. */
    static void refuseNonWorkbook(String file, byte[] head) throws IOException {
        if (OfficeFiles.isOldExcel(head)) {
            throw new UnreadableFileException(file + " is an Excel 97-2003 workbook (.xls), not XLSX: save it as .xlsx (Excel Workbook)",
                    "registry.import.error.oldExcel");
        }
        if (!OfficeFiles.isZip(head)) {
            throw new UnreadableFileException(file + " is not an XLSX workbook (not a zip file; text such as CSV is read from a .csv file): "
                    + "save it as .xlsx, or name it after what it is", "registry.import.error.notWorkbook");
        }
    }

}
