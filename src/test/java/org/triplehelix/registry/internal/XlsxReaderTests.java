package org.triplehelix.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks the way offices fill them: dates and numbers in their formats, formulas, title rows, many sheets, big and hostile files. */
class XlsxReaderTests {

    @TempDir
    Path directory;

    @Test
    void readsYearsAndCodesWhateverTheCellsFormatShows() throws IOException {
        Path book = write("organizations.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("organization");
            row(sheet.createRow(0), "id", "name_zh", "established", "region");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            CellStyle thousands = workbook.createCellStyle();
            thousands.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            Row first = sheet.createRow(1);
            row(first, "o1", "华中科技大学");
            first.createCell(2).setCellValue(LocalDate.of(1952, 10, 1).atStartOfDay()); // Excel has no dates before 1900
            first.getCell(2).setCellStyle(date);
            first.createCell(3).setCellValue(420100);
            first.getCell(3).setCellStyle(thousands);
            Row second = sheet.createRow(2);
            row(second, "o2", "武汉大学", "1893");
            second.createCell(3).setCellValue(420111);
            Row third = sheet.createRow(3);
            third.createCell(0).setCellValue(1001);
            third.createCell(1).setCellValue("湖北大学");
            third.createCell(2).setCellValue(1931);
            third.getCell(2).setCellStyle(thousands);
        });
        List<RawRecord> records = read(book);
        assertThat(records).extracting(r -> r.node().toString()).containsExactly(
                "{\"kind\":\"organization\",\"id\":\"o1\",\"name\":{\"zh\":\"华中科技大学\"},\"established\":1952,\"region\":\"420100\"}",
                "{\"kind\":\"organization\",\"id\":\"o2\",\"name\":{\"zh\":\"武汉大学\"},\"established\":1893,\"region\":\"420111\"}",
                "{\"kind\":\"organization\",\"id\":\"1001\",\"name\":{\"zh\":\"湖北大学\"},\"established\":1931}");
    }

    /** Excel for Mac wrote workbooks counting dates from 1904 (its default until 2011): their serials are 1,462 days fewer. */
    @Test
    void readsTheDatesOfAWorkbookThatCountsFrom1904AsExcelShowsThem() throws IOException {
        Path book = write("organizations.xlsx", workbook -> {
            var properties = workbook.getCTWorkbook().isSetWorkbookPr() ? workbook.getCTWorkbook().getWorkbookPr()
                    : workbook.getCTWorkbook().addNewWorkbookPr();
            properties.setDate1904(true);
            Sheet sheet = workbook.createSheet("organization");
            row(sheet.createRow(0), "id", "name_zh", "established", "noted_on", "noted_at");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row first = sheet.createRow(1);
            row(first, "o1", "华中科技大学");
            first.createCell(2).setCellValue(LocalDate.of(1952, 1, 1));
            first.getCell(2).setCellStyle(date);
            first.createCell(3).setCellValue(LocalDate.of(2024, 2, 29));
            first.getCell(3).setCellStyle(date);
            first.createCell(4).setCellValue(LocalDate.of(2024, 9, 1).atTime(8, 30));
            first.getCell(4).setCellStyle(dateTime);
        });
        try (XSSFWorkbook written = new XSSFWorkbook(Files.newInputStream(book))) {
            assertThat(written.isDate1904()).isTrue();
            assertThat(written.getSheetAt(0).getRow(1).getCell(3).getNumericCellValue())
                    .as("the serial counted from 1904, as Excel for Mac saves it").isEqualTo(DateUtil.getExcelDate(LocalDate.of(2024, 2, 29), true));
        }
        assertThat(read(book)).extracting(r -> r.node().toString()).containsExactly(
                "{\"kind\":\"organization\",\"id\":\"o1\",\"name\":{\"zh\":\"华中科技大学\"},\"established\":1952,"
                        + "\"noted_on\":\"2024-02-29\",\"noted_at\":\"2024-09-01 08:30\"}");
    }

    @Test
    void readsWhatAFormulaComputedAndRefusesARowWithAFormulaError() throws IOException {
        Path book = write("outputs.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("output");
            row(sheet.createRow(0), "id", "title_zh", "year");
            row(sheet.createRow(1), "x1");
            sheet.getRow(1).createCell(1).setCellFormula("\"钠离子\"&\"电池\"");
            sheet.getRow(1).createCell(2).setCellFormula("2000+24");
            row(sheet.createRow(2), "x2");
            sheet.getRow(2).createCell(1).setCellFormula("1/0");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        List<RawRecord> records = read(book);
        assertThat(records.getFirst().node().toString())
                .isEqualTo("{\"kind\":\"output\",\"id\":\"x1\",\"title\":{\"zh\":\"钠离子电池\"},\"year\":2024}");
        assertThat(records.get(1).line()).isEqualTo(3);
        assertThat(records.get(1).error()).contains("B3").contains("#DIV/0!");
        assertThat(records.get(1).errorArgs()).contains("B3", "#DIV/0!");
    }

    @Test
    void skipsAMergedTitleAboveTheHeaderAndReadsEverySheetButEmptyOnes() throws IOException {
        Path book = write("registry.xlsx", workbook -> {
            Sheet organizations = workbook.createSheet("机构");
            organizations.createRow(0).createCell(0).setCellValue("湖北省新型研发机构名录");
            organizations.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            row(organizations.createRow(1), "Kind", "ID", "Name ZH", "Type");
            row(organizations.createRow(2), "organization", "o1", "武汉大学", "university");
            workbook.createSheet("Sheet2");
            Sheet people = workbook.createSheet("people");
            row(people.createRow(0), "id", "name_zh", "keywords");
            row(people.createRow(1), "p1", "张三", "电池、储能");
        });
        List<RawRecord> records = read(book);
        assertThat(records).extracting(RawRecord::file).containsExactly("registry.xlsx[机构]", "registry.xlsx[people]");
        assertThat(records).extracting(RawRecord::line).containsExactly(3L, 2L);
        assertThat(records.get(1).node().toString())
                .isEqualTo("{\"kind\":\"person\",\"id\":\"p1\",\"name\":{\"zh\":\"张三\"},\"keywords\":[\"电池\",\"储能\"]}");
    }

    @Test
    void aSheetWithoutARequiredColumnIsOneRefusalThatNamesIt() throws IOException {
        Path book = write("book.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("organizations");
            row(sheet.createRow(0), "id", "名称");
            row(sheet.createRow(1), "o1", "武汉大学");
            row(sheet.createRow(2), "o2", "华中科技大学");
        });
        List<RawRecord> records = read(book);
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().file()).isEqualTo("book.xlsx[organizations]");
        assertThat(records.getFirst().error()).startsWith("no column name_zh or name_en");
    }

    @Test
    void readsTenThousandRowsAsAStream() throws IOException {
        Path book = directory.resolve("people.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(book)) {
            Sheet sheet = workbook.createSheet("person");
            row(sheet.createRow(0), "id", "name_zh", "organization", "keywords");
            for (int i = 1; i <= 10_000; i++) {
                row(sheet.createRow(i), "p" + i, "研究员" + i, "o" + (i % 50), "电池;储能、材料" + i);
            }
            workbook.write(out);
        }
        long started = System.nanoTime();
        List<RawRecord> records = new ArrayList<>();
        new XlsxReader("people.xlsx", book, null, Files.size(book)).read(records::add, bytes -> { });
        assertThat(records).hasSize(10_000);
        assertThat(records.getLast().line()).isEqualTo(10_001);
        assertThat(records.getLast().node().get("keywords").size()).isEqualTo(3);
        assertThat(System.nanoTime() - started).as("10,000 rows in well under 10 s").isLessThan(10_000_000_000L);
    }

    @Test
    void refusesACsvOrAnOldWorkbookNamedXlsxByWhatItIs() throws IOException {
        Path csv = Files.writeString(directory.resolve("organizations.xlsx"), "id,name_zh\r\no1,武汉大学\r\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(csv)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("not an XLSX workbook").extracting("key").isEqualTo("registry.import.error.notWorkbook");
        assertThatThrownBy(() -> new XlsxReader("organizations.xlsx", null, Files.newInputStream(csv), Files.size(csv)).read(r -> { }, b -> { }))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("not an XLSX workbook");
        Path xls = directory.resolve("old.xlsx");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            workbook.createSheet("organization").createRow(0).createCell(0).setCellValue("id");
            workbook.write(out);
        }
        assertThatThrownBy(() -> read(xls)).isInstanceOf(UnreadableFileException.class).hasMessageContaining(".xls");
    }

    @Test
    void refusesAWorkbookThatExpandsToFarMoreThanItsSize() throws IOException {
        Path template = write("organizations.xlsx", workbook -> row(workbook.createSheet("organization").createRow(0), "id", "name_zh"));
        Path bomb = directory.resolve("bomb.xlsx");
        // a sheet of 100 MB of the same row, a hundred kilobytes on disk
        byte[] rows = "<row><c t=\"inlineStr\"><is><t>o</t></is></c></row>".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(template)); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < 100; i++) {
                        out.write(rows);
                    }
                    out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(5_000_000);
        List<RawRecord> records = new ArrayList<>();
        assertThatThrownBy(() -> new XlsxReader("bomb.xlsx", bomb, null, Files.size(bomb)).read(records::add, b -> { }))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("expands")
                .extracting("key").isEqualTo("registry.import.error.zipBomb");
        assertThat(records.size()).as("refused before its rows are read").isLessThan(1000);
    }

    @Test
    void refusesAWorkbookWhoseTextsWouldNotFitTheMemoryItMayTake() throws IOException {
        Path book = write("people.xlsx", workbook -> {
            Sheet sheet = workbook.createSheet("person");
            row(sheet.createRow(0), "id", "name_zh");
            for (int i = 1; i <= 2_000; i++) {
                row(sheet.createRow(i), "p" + i, "研究员" + i);
            }
        });
        List<RawRecord> records = new ArrayList<>();
        assertThatThrownBy(() -> new XlsxReader("people.xlsx", book, null, Files.size(book), 20_000).read(records::add, b -> { }))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("shared strings")
                .extracting("key").isEqualTo("registry.import.error.tooManyStrings");
        assertThat(records).isEmpty();
        new XlsxReader("people.xlsx", book, null, Files.size(book), 1_000_000).read(records::add, b -> { });
        assertThat(records).hasSize(2_000);
    }

    private interface Filler {
        void fill(XSSFWorkbook workbook);
    }

    private Path write(String name, Filler filler) throws IOException {
        Path book = directory.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(book)) {
            filler.fill(workbook);
            workbook.write(out);
        }
        return book;
    }

    private static List<RawRecord> read(Path book) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        new XlsxReader(book.getFileName().toString(), book, null, Files.size(book)).read(records::add, bytes -> { });
        return records;
    }

    private static void row(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
