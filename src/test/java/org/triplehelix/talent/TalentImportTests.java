package org.triplehelix.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.triplehelix.registry.ImportMessage;
import org.triplehelix.shared.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/** Reading the templates and their fields, without a database. */
class TalentImportTests {

    @Test
    void theKindComesFromTheRequestOrTheFileName() {
        assertThat(TalentImport.kindOf("", "Programs-2025.csv")).isEqualTo("talent_program");
        assertThat(TalentImport.kindOf(null, "uploads/students.xlsx")).isEqualTo("talent_student");
        assertThat(TalentImport.kindOf("need", "whatever.csv")).isEqualTo("talent_need");
        assertThat(TalentImport.kindOf("talent_supply", "x.csv")).isEqualTo("talent_supply");
        assertThatThrownBy(() -> TalentImport.kindOf("", "data.csv")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TalentImport.kindOf("demand", "x.csv")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void csvRowsKeepTheirLineNumbersAndTheByteOrderMarkIsNoColumn() {
        String csv = "\uFEFFID,Organization,Industry,Year,Headcount\r\nn1,ent-1,ind-ai,2026,3\r\n\r\n\"n2\",\"ent-2\",ind-6g,2027,\"4\"\r\n";
        List<Map.Entry<Long, Fields>> rows = TalentImport.read("needs.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).extracting(Map.Entry::getKey).containsExactly(2L, 4L);
        assertThat(rows.get(1).getValue().values()).containsEntry("id", "n2").containsEntry("headcount", "4");
    }

    @Test
    void readsExcelsChineseWindowsCsvAsGb18030AndRefusesTextThatIsNeither() {
        String csv = "需求名录,,,,\r\n ID ,Organization,Industry,Skill,Year,Headcount\r\nn1,ent-1,ind-ai,\"锂电池, 储能\",2026,3\r\n";
        List<Map.Entry<Long, Fields>> rows = TalentImport.read("needs.csv", csv.getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().getKey()).isEqualTo(3L);
        assertThat(rows.getFirst().getValue().values()).containsEntry("id", "n1").containsEntry("skill", "锂电池, 储能");
        byte[] neither = {'i', 'd', '\r', '\n', (byte) 0x80, (byte) 0xFF, '\r', '\n'};
        assertThatThrownBy(() -> TalentImport.read("needs.csv", neither)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("UTF-8").extracting(e -> ((InvalidInputException) e).key()).isEqualTo("talent.reason.encoding");
    }

    @Test
    void refusesAWorkbookNamedCsvAndACsvNamedXlsxByWhatTheyAre() {
        assertThatThrownBy(() -> TalentImport.read("needs.xlsx", "id,year\r\nn1,2026\r\n".getBytes(StandardCharsets.UTF_8)))
                .extracting(e -> ((InvalidInputException) e).key()).isEqualTo("talent.reason.notWorkbook");
        assertThatThrownBy(() -> TalentImport.read("needs.csv", TalentImport.xlsxTemplate("need")))
                .extracting(e -> ((InvalidInputException) e).key()).isEqualTo("talent.reason.workbookAsCsv");
    }

    @Test
    void readsWorkbookCellsAsTheDataTheyHoldWhateverTheirFormat() throws java.io.IOException {
        byte[] book;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("program");
            sheet.createRow(0).createCell(0).setCellValue("卓越工程师联合培养项目");
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, 4));
            String[] header = {"ID", "Name ZH", "Cohort Year", "Capacity", "Enterprises"};
            var head = sheet.createRow(1);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            var date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\""));
            var thousands = workbook.createCellStyle();
            thousands.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            var first = sheet.createRow(2);
            first.createCell(0).setCellValue("p1");
            first.createCell(1).setCellFormula("\"智能\"&\"制造\"");
            first.createCell(2).setCellValue(java.time.LocalDate.of(2024, 9, 1));
            first.getCell(2).setCellStyle(date);
            first.createCell(3).setCellValue(1200);
            first.getCell(3).setCellStyle(thousands);
            first.createCell(4).setCellValue("e1、e2，e3");
            var second = sheet.createRow(3);
            second.createCell(0).setCellValue("p2");
            second.createCell(1).setCellValue("集成电路");
            second.createCell(2).setCellFormula("2000+25");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            book = out.toByteArray();
        }
        List<Map.Entry<Long, Fields>> rows = TalentImport.read("programs.xlsx", book);
        assertThat(rows).extracting(Map.Entry::getKey).containsExactly(3L, 4L);
        Fields first = rows.getFirst().getValue();
        assertThat(first.values()).containsEntry("name_zh", "智能制造").containsEntry("cohort_year", "2024").containsEntry("capacity", "1200");
        assertThat(first.list("enterprises")).containsExactly("e1", "e2", "e3");
        assertThat(rows.get(1).getValue().values()).containsEntry("cohort_year", "2025");
    }

    /** Excel's "Unicode Text (*.txt)": UTF-16LE after its BOM, TAB-separated; and UTF-16BE with commas, as other Windows tools save it. */
    @Test
    void readsUtf16LeOrBeAfterTheirBomTabSeparatedAsExcelsUnicodeText() {
        byte[] tabs = bytes(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "ID\tOrganization\tIndustry\tSkill\tYear\tHeadcount\r\nn1\tent-1\tind-ai\t\"锂电池, 储能\"\t2026\t3\r\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(java.util.Arrays.copyOf(tabs, 4)).containsExactly(0xFF, 0xFE, 'I', 0);
        List<Map.Entry<Long, Fields>> rows = TalentImport.read("needs.txt", tabs);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.getKey()).isEqualTo(2L);
            assertThat(row.getValue().values()).containsEntry("id", "n1").containsEntry("skill", "锂电池, 储能").containsEntry("headcount", "3");
        });
        byte[] commas = bytes(new byte[] {(byte) 0xFE, (byte) 0xFF}, "需求名录,,\r\nid,organization,skill\r\nn2,ent-2,集成电路\r\n".getBytes(StandardCharsets.UTF_16BE));
        rows = TalentImport.read("needs.csv", commas);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.getKey()).isEqualTo(3L);
            assertThat(row.getValue().values()).containsEntry("id", "n2").containsEntry("skill", "集成电路");
        });
    }

    @Test
    void refusesUtf16CutOrWithHalfACharacterPairOrWithoutItsBomNamingTheFile() {
        byte[] whole = bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, "id,organization\r\nn1,武汉\r\n".getBytes(StandardCharsets.UTF_16LE));
        byte[] odd = bytes(whole, new byte[] {'x'});
        byte[] unpaired = bytes(whole, new byte[] {0x3D, (byte) 0xD8, 'x', 0}); // the high surrogate D83D, then x: no pair
        for (byte[] malformed : List.of(odd, unpaired)) {
            assertThatThrownBy(() -> TalentImport.read("needs.csv", malformed)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.key()).isEqualTo("talent.reason.utf16Malformed");
                assertThat(e.args()).containsExactly("needs.csv", "UTF-16LE");
            }).hasMessageContaining("CSV UTF-8");
        }
        byte[] utf8WithBadByte = bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "id\r\nn".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF});
        assertThatThrownBy(() -> TalentImport.read("needs.csv", utf8WithBadByte)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.key()).isEqualTo("talent.reason.encoding")); // not n\uFFFD
        byte[] noBom = "id,organization\r\nn1,武汉\r\n".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> TalentImport.read("needs.csv", noBom)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.key()).isEqualTo("talent.reason.utf16NoBom");
            assertThat(e.args()).containsExactly("needs.csv");
        }).hasMessageStartingWith("needs.csv holds NUL bytes").hasMessageContaining("CSV UTF-8");
    }

    /**
     * A sheet past the row limit is refused at its first row too many, before the rest is read: the sheet's XML is
     * broken after that row, which a reader that loads the workbook whole stumbles on first (and reports as unreadable).
     */
    @Test
    void aSheetPastTheRowLimitIsRefusedWithoutBeingReadToItsEnd() throws java.io.IOException {
        byte[] book;
        try (var workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("need");
            var head = sheet.createRow(0);
            head.createCell(0).setCellValue("id");
            head.createCell(1).setCellValue("headcount");
            for (int r = 1; r <= TalentImport.MAX_ROWS + 1; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("n" + r);
                row.createCell(1).setCellValue(r);
            }
            workbook.write(out);
            workbook.dispose();
            book = out.toByteArray();
        }
        byte[] broken = rewriteSheet(book, xml -> xml.replace("</sheetData>", "<row r=\"99999\"><c r=\"A99999\"></sheetData>"));
        assertThatThrownBy(() -> new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(broken)).close())
                .as("the broken end is there to be found by a reader that reads the sheet whole").isNotNull();
        for (byte[] workbook : List.of(book, broken)) {
            assertThatThrownBy(() -> TalentImport.read("needs.xlsx", workbook)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.key()).isEqualTo("talent.reason.tooManyRows");
                assertThat(e.args()).containsExactly(String.valueOf(TalentImport.MAX_ROWS));
            });
        }
    }

    @Test
    void readsBooleansErrorsAndUnstyledNumbersOfAWorkbookAsBefore() throws java.io.IOException {
        byte[] book;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("supply");
            var head = sheet.createRow(0);
            String[] header = {"id", "graduates", "note", "flag", "year"};
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("TRUE");
            row.createCell(1).setCellValue(1.5e3);
            row.createCell(2).setCellFormula("1/0");
            row.createCell(3).setCellValue(true);
            row.createCell(4).setCellValue(0.1 + 0.2);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            book = out.toByteArray();
        }
        Fields fields = TalentImport.read("supply.xlsx", book).getFirst().getValue();
        assertThat(fields.values()).containsEntry("id", "TRUE").containsEntry("graduates", "1500").containsEntry("flag", "true")
                .containsEntry("year", "0.3").doesNotContainKey("note");
    }

    /** Excel for Mac wrote workbooks counting dates from 1904 (its default until 2011): their serials are 1,462 days fewer. */
    @Test
    void readsTheDatesOfAWorkbookThatCountsFrom1904AsExcelShowsThem() throws java.io.IOException {
        byte[] book;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var properties = workbook.getCTWorkbook().isSetWorkbookPr() ? workbook.getCTWorkbook().getWorkbookPr()
                    : workbook.getCTWorkbook().addNewWorkbookPr();
            properties.setDate1904(true);
            var sheet = workbook.createSheet("supply");
            var head = sheet.createRow(0);
            String[] header = {"id", "year", "note"};
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            var date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("s1");
            row.createCell(1).setCellValue(java.time.LocalDate.of(2026, 1, 1));
            row.getCell(1).setCellStyle(date);
            row.createCell(2).setCellValue(java.time.LocalDate.of(2024, 2, 29));
            row.getCell(2).setCellStyle(date);
            assertThat(row.getCell(2).getNumericCellValue()).as("the serial counted from 1904, as Excel for Mac saves it")
                    .isEqualTo(org.apache.poi.ss.usermodel.DateUtil.getExcelDate(java.time.LocalDate.of(2024, 2, 29), true));
            workbook.write(out);
            book = out.toByteArray();
        }
        Fields fields = TalentImport.read("supply.xlsx", book).getFirst().getValue();
        assertThat(fields.values()).containsEntry("year", "2026").containsEntry("note", "2024-02-29");
    }

    @Test
    void refusesAWorkbookWhoseTextsWouldNotFitTheMemoryItMayTakeNamingTheFile() throws Exception {
        byte[] book;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("need");
            var head = sheet.createRow(0);
            head.createCell(0).setCellValue("id");
            head.createCell(1).setCellValue("skill");
            for (int r = 1; r <= 2_000; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("n" + r);
                row.createCell(1).setCellValue("储能材料研发" + r);
            }
            workbook.write(out);
            book = out.toByteArray();
        }
        java.nio.file.Path file = TalentImport.copy(new java.io.ByteArrayInputStream(book));
        try {
            assertThatThrownBy(() -> WorkbookRows.read("needs.xlsx", file, 20_000, cells -> false, rows -> { }))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.key()).isEqualTo("talent.reason.tooManyStrings");
                        assertThat(e.args()).containsExactly("needs.xlsx", "0");
                        assertThat(e.getMessage()).startsWith("needs.xlsx: ").contains("shared strings");
                    });
            assertThat(WorkbookRows.read("needs.xlsx", file, 1_000_000, cells -> false, rows -> { })).hasSize(2_000);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void anUploadIsCopiedToAFileOnlyItsOwnerReads() throws java.io.IOException {
        byte[] csv = "id,year\r\nn1,2026\r\n".getBytes(StandardCharsets.UTF_8);
        java.nio.file.Path file = TalentImport.copy(new java.io.ByteArrayInputStream(csv));
        try {
            assertThat(file).hasBinaryContent(csv);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
            assertThat(TalentImport.read("needs.csv", file)).hasSize(1);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void aCsvIsCheckedThroughoutAndItsSeparatorFoundOnALongFirstLine() {
        // the whole file is decoded before a row is read: a GBK line far past the start makes it GB18030,
        // a byte neither reads far past the start refuses it, and a first line longer than any buffer still finds its comma
        StringBuilder ascii = new StringBuilder("id\tname,year\r\n");
        for (int i = 0; i < 20_000; i++) {
            ascii.append("n").append(i).append("\tx,2026\r\n");
        }
        byte[] gbk = bytes(ascii.toString().getBytes(StandardCharsets.UTF_8), "n-last\t储能,2026\r\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThatThrownBy(() -> TalentImport.read("needs.csv", gbk)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.key()).isEqualTo("talent.reason.tooManyRows"));
        byte[] neither = bytes(ascii.toString().getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0x80, (byte) 0xFF, '\r', '\n'});
        assertThatThrownBy(() -> TalentImport.read("needs.csv", neither)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.key()).isEqualTo("talent.reason.encoding"));
        String longLine = "id\t" + "x".repeat(100_000) + ",year\r\nn1\ty,2026\r\n";
        assertThat(TalentImport.read("needs.csv", longLine.getBytes(StandardCharsets.UTF_8)).getFirst().getValue().values())
                .containsEntry("year", "2026");
    }

    private static byte[] bytes(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The workbook with its first sheet's XML changed, every other part as it was. */
    private static byte[] rewriteSheet(byte[] book, java.util.function.UnaryOperator<String> change) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        java.nio.file.Path file = java.nio.file.Files.write(java.nio.file.Files.createTempFile("talent-", ".xlsx"), book);
        try (var in = new java.util.zip.ZipFile(file.toFile()); var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var entry : java.util.Collections.list(in.entries())) {
                byte[] content;
                try (var part = in.getInputStream(entry)) {
                    content = part.readAllBytes();
                }
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        return out.toByteArray();
    }

    @Test
    void theTemplatesHoldTheColumnsOfTheirKind() {
        String csv = new String(TalentImport.csvTemplate("student"), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFF" + String.join(",", TalentWriter.STUDENT_COLUMNS) + "\r\n");
        List<Map.Entry<Long, Fields>> rows = TalentImport.read("programs.xlsx", TalentImport.xlsxTemplate("program"));
        assertThat(rows).isEmpty();
    }

    @Test
    void fieldsCheckTheirShapeAndNameTheField() {
        Fields fields = Fields.of("year", "20x6", "capacity", "0", "enterprises", "a; b；c", "degree_level", "Doctorate", "blank", "  ");
        assertThatThrownBy(() -> fields.integer("year", 1990, 2100)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("year");
        assertThatThrownBy(() -> fields.integer("capacity", 1, 10)).hasMessageContaining("between 1 and 10");
        assertThat(fields.list("enterprises")).containsExactly("a", "b", "c");
        assertThat(fields.oneOf("degree_level", null, "master", "doctorate")).isEqualTo("doctorate");
        assertThat(fields.get("blank")).isNull();
        assertThatThrownBy(() -> fields.required("id")).extracting(e -> ((InvalidInputException) e).field()).isEqualTo("id");
    }

    @Test
    void aJsonRecordBecomesTemplateColumns() {
        var node = JsonMapper.builder().build().readTree("""
                {"kind": "talent_program", "id": "p1", "name": {"zh": "项目", "en": "Program"}, "enterprises": ["e1", "e2"],
                 "cohort_year": 2024, "discipline": null}""");
        Fields fields = Fields.ofJson(node);
        assertThat(fields.values()).containsEntry("name_zh", "项目").containsEntry("name_en", "Program")
                .containsEntry("enterprises", "e1;e2").containsEntry("cohort_year", "2024").doesNotContainKeys("kind", "discipline");
        assertThat(Fields.ofJson(JsonMapper.builder().build().readTree("{\"name\": \"Plain\"}")).values()).containsEntry("name_en", "Plain");
    }

    /** A JSON array is a list item by item (an id holding ; or a comma stays whole); an item holding a line break is refused by its place. */
    @Test
    void aJsonArrayKeepsEachItemWholeAndRefusesOneHoldingALineBreak() {
        Fields fields = Fields.ofJson(JsonMapper.builder().build().readTree("{\"enterprises\": [\"org;x\", \"org,y\", \" org-z \"]}"));
        assertThat(fields.list("enterprises")).containsExactly("org;x", "org,y", "org-z");
        assertThat(fields.with("id", "p1").list("enterprises")).containsExactly("org;x", "org,y", "org-z");
        assertThat(Fields.of("enterprises", "org;x").withList("enterprises", java.util.List.of("org;x")).list("enterprises")).containsExactly("org;x");
        assertThatThrownBy(() -> Fields.ofJson(JsonMapper.builder().build().readTree("{\"enterprises\": [\"a\", \"b\\nc\"]}")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("enterprises[1]"));
    }

    @Test
    void aRefusedRowsJsonAndTextAreTheInterchangeContractAndItsKeyIsForThePageAlone() {
        TalentImport.RowError error = TalentImport.RowError.of("needs.csv", 3, "n1", "headcount", "headcount must be between 1 and 100000",
                "talent.reason.range", 1, 100000);
        assertThat(error.args()).containsExactly("1", "100000");
        tools.jackson.databind.JsonNode json = JsonMapper.builder().build().valueToTree(error);
        assertThat(json.propertyNames()).containsExactly("file", "line", "id", "field", "message");
        assertThat(error.toString()).isEqualTo("needs.csv:3 n1 [headcount]: headcount must be between 1 and 100000");
    }

    @Test
    void aRecordRefusedInAJsonLinesImportIsSaidWithItsColumnAndKeyAndTheDatabasesWordsApart() {
        ImportMessage keyed = TalentKinds.message(TalentImport.RowError.of("t.jsonl", 2, "p1", "university", "no organization u9",
                "talent.reason.noOrganization", "u9"));
        assertThat(keyed.key()).isEqualTo("talent.reason.noOrganization");
        assertThat(keyed.args()).containsExactly("u9");
        assertThat(keyed.field()).isEqualTo("talent.column.university");
        assertThat(keyed.detail()).isNull();

        ImportMessage database = TalentKinds.message(TalentImport.RowError.of("t.jsonl", 3, "p2", null,
                "refused by the database: value too long", "talent.import.row.database", "value too long"));
        assertThat(database.key()).isEqualTo("talent.import.record.database");
        assertThat(database.args()).isEmpty();
        assertThat(database.field()).isNull();
        assertThat(database.detail()).isEqualTo("value too long");

        ImportMessage unkeyed = TalentKinds.message(TalentImport.RowError.of("t.jsonl", 4, "p3", "account", "no such account",
                "form.refused", "no such account"));
        assertThat(unkeyed.key()).isEqualTo("talent.import.record.refused");
        assertThat(unkeyed.field()).isEqualTo("talent.column.account");
        assertThat(unkeyed.detail()).isEqualTo("no such account");
    }

    @Test
    void everyColumnARecordCanBeRefusedOnAndEveryImportOnlyKeyIsSaidInBothLanguages() throws java.io.IOException {
        java.util.Properties zh = bundle("zh");
        java.util.Properties en = bundle("en");
        java.util.Set<String> columns = new java.util.TreeSet<>(List.of("account", "kind"));
        TalentWriter.COLUMNS.values().forEach(columns::addAll);
        for (String column : columns) {
            assertThat(zh.getProperty(TalentKinds.COLUMN_LABEL + column)).as(column + " in Chinese").isNotBlank();
            assertThat(en.getProperty(TalentKinds.COLUMN_LABEL + column)).as(column + " in English").isNotBlank();
        }
        for (String key : List.of("talent.import.record.database", "talent.import.record.failed", "talent.import.record.refused")) {
            assertThat(zh.getProperty(key)).as(key).isNotBlank().doesNotContain("{0}");
            assertThat(en.getProperty(key)).as(key).isNotBlank().doesNotContain("{0}");
        }
    }

    private static java.util.Properties bundle(String language) throws java.io.IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var in = TalentImportTests.class.getResourceAsStream("/messages/talent_" + language + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
