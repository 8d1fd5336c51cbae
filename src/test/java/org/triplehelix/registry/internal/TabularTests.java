package org.triplehelix.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularTests {

    @Test
    void templatesSplitBilingualTextsIntoTwoColumns() {
        assertThat(Tabular.columns("organization")).containsExactly("id", "name_zh", "name_en", "type", "parent", "region", "ror",
                "uscc", "website", "description_zh", "description_en", "established");
        assertThat(Tabular.columns("person")).contains("title").doesNotContain("title_zh");
        assertThat(Tabular.columns("output")).contains("title_zh", "title_en", "abstract_zh", "abstract_en", "people");
        assertThat(Tabular.FIELDS.keySet()).containsExactly("organization", "person", "facility", "output", "demand");
    }

    @Test
    void findsTheKindInAFileOrSheetName() {
        assertThat(Tabular.kindFromName("data/organizations.csv")).contains("organization");
        assertThat(Tabular.kindFromName("Persons-2025.xlsx")).contains("person");
        assertThat(Tabular.kindFromName("people.csv")).as("the plural people write").contains("person");
        assertThat(Tabular.kindFromName("facilities")).contains("facility");
        assertThat(Tabular.kindFromName("Sheet1")).isEmpty();
    }

    @Test
    void readsCsvRowsAsInterchangeObjects() throws IOException {
        String csv = "\uFEFFid,Name_ZH,name_en,type,keywords,year,people,title_zh\r\n"
                + "o1,湖北实验室,Hubei Lab,project,光谷；芯片;  ,2024,p1;p2,标题\r\n"
                + "\r\n"
                + "o2,\"多行\n名称\",,,,20x4,,\r\n"
                + "o3,三,,,,,,\r\n";
        List<RawRecord> records = readCsv("outputs.csv", csv);
        assertThat(records).hasSize(3);
        RawRecord first = records.getFirst();
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.node().toString()).isEqualTo("{\"kind\":\"output\",\"id\":\"o1\",\"name\":{\"zh\":\"湖北实验室\",\"en\":\"Hubei Lab\"},"
                + "\"type\":\"project\",\"keywords\":[\"光谷\",\"芯片\"],\"year\":2024,\"people\":[\"p1\",\"p2\"],\"title\":{\"zh\":\"标题\"}}");
        assertThat(records.get(1).node().get("year").asString()).as("not a number: left for validation to refuse").isEqualTo("20x4");
        assertThat(records.get(1).node().get("name").get("zh").asString()).isEqualTo("多行\n名称");
        assertThat(records.get(2).line()).isEqualTo(6);
    }

    @Test
    void takesTheKindFromAKindColumnBeforeTheFileName() throws IOException {
        List<RawRecord> records = readCsv("organizations.csv", "kind,id,name_zh\nperson,p1,张三\n,o1,机构\n");
        assertThat(records).extracting(r -> r.node().get("kind").asString()).containsExactly("person", "organization");
        List<RawRecord> unknown = readCsv("data.csv", "id,name_zh\np1,张三\n");
        assertThat(unknown.getFirst().error()).startsWith("no kind");
    }

    @Test
    void readsXlsxSheetsAsAStreamOfRows(@TempDir Path directory) throws IOException {
        Path book = directory.resolve("registry.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet organizations = workbook.createSheet("organization");
            row(organizations.createRow(0), "id", "name_zh", "name_en", "established");
            row(organizations.createRow(1), "o1", "武汉大学", "Wuhan University");
            organizations.createRow(2).createCell(0).setCellValue("o2");
            organizations.getRow(2).createCell(1).setCellValue("华中科技大学");
            organizations.getRow(2).createCell(3).setCellValue(1952);
            Sheet help = workbook.createSheet("help");
            row(help.createRow(0), "column", "meaning");
            row(help.createRow(1), "id", "the id");
            Sheet people = workbook.createSheet("Sheet3");
            row(people.createRow(0), "kind", "id", "name_zh");
            row(people.createRow(4), "person", "p1", "张三");
            try (var out = Files.newOutputStream(book)) {
                workbook.write(out);
            }
        }
        List<RawRecord> records = new ArrayList<>();
        new XlsxReader("registry.xlsx", book, null, Files.size(book)).read(records::add, bytes -> { });
        assertThat(records).extracting(RawRecord::file).containsExactly("registry.xlsx[organization]", "registry.xlsx[organization]", "registry.xlsx[Sheet3]");
        assertThat(records.get(1).node().toString()).isEqualTo("{\"kind\":\"organization\",\"id\":\"o2\",\"name\":{\"zh\":\"华中科技大学\"},\"established\":1952}");
        assertThat(records.get(2).line()).isEqualTo(5);
        assertThat(records.get(2).node().get("kind").asString()).isEqualTo("person");
    }

    @Test
    void readsJsonLinesSkippingBlankLinesAndNamingUnreadableOnes() throws IOException {
        String jsonl = "\uFEFF{\"kind\": \"person\", \"id\": \"p1\", \"name\": \"x\"}\n\n{\"kind\": \"person\", \"id\": \n[1, 2]\n";
        List<RawRecord> records = new ArrayList<>();
        new JsonLinesReader("f.jsonl", stream(jsonl)).read(records::add, bytes -> { });
        assertThat(records).extracting(RawRecord::line).containsExactly(1L, 3L, 4L);
        assertThat(records.get(0).idOrNull()).isEqualTo("p1");
        assertThat(records.get(1).error()).startsWith("invalid JSON");
        assertThat(records.get(2).error()).isEqualTo("not a JSON object");
    }

    @Test
    void refusesALineThatIsNotUtf8InsteadOfReplacingItsBytes() throws IOException {
        byte[] good = "{\"kind\": \"organization\", \"id\": \"o1\", \"name\": \"好\"}\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"kind\": \"organization\", \"id\": \"o2\", \"name\": \"x\u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] last = "{\"kind\": \"organization\", \"id\": \"o3\", \"name\": \"好\"}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(good);
        file.write(bad);
        file.write(last);
        List<RawRecord> records = new ArrayList<>();
        new JsonLinesReader("f.jsonl", new ByteArrayInputStream(file.toByteArray())).read(records::add, bytes -> { });
        assertThat(records).extracting(RawRecord::line).containsExactly(1L, 2L, 3L);
        assertThat(records.get(0).node().get("name").asString()).isEqualTo("好");
        assertThat(records.get(1).node()).isNull();
        assertThat(records.get(1).error()).isEqualTo("not UTF-8 text");
        assertThat(records.get(1).errorKey()).isEqualTo("registry.import.error.lineNotUtf8");
        assertThat(records.get(2).idOrNull()).isEqualTo("o3");
    }

    @Test
    void readsJsonLinesInUtf16LeOrBeAfterTheirBom() throws IOException {
        String text = "{\"kind\": \"organization\", \"id\": \"o1\", \"name\": \"武汉大学\"}\r\n\r\n{\"kind\": \"person\", \"id\": \"p1\", \"name\": \"张三\"}";
        for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.writeBytes(charset == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF});
            file.writeBytes(text.getBytes(charset));
            List<RawRecord> records = new ArrayList<>();
            new JsonLinesReader("f.jsonl", new ByteArrayInputStream(file.toByteArray())).read(records::add, bytes -> { });
            assertThat(records).extracting(RawRecord::line).containsExactly(1L, 3L);
            assertThat(records).extracting(record -> record.node().get("name").asString()).containsExactly("武汉大学", "张三");
        }
    }

    @Test
    void refusesJsonLinesInUtf16ThatIsCutOrWithoutItsBomAsAWhole() {
        byte[] text = "{\"kind\": \"organization\", \"id\": \"o1\", \"name\": \"武汉大学\"}\n".getBytes(StandardCharsets.UTF_16LE);
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        cut.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        cut.writeBytes(text);
        cut.write('\n'); // half a character: an odd number of bytes
        List<RawRecord> records = new ArrayList<>();
        assertThatThrownBy(() -> new JsonLinesReader("f.jsonl", new ByteArrayInputStream(cut.toByteArray())).read(records::add, bytes -> { }))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.key()).isEqualTo("registry.import.error.utf16Malformed"))
                .hasMessageStartingWith("f.jsonl begins with the byte order mark of UTF-16LE");
        assertThatThrownBy(() -> new JsonLinesReader("f.jsonl", new ByteArrayInputStream(text)).read(records::add, bytes -> { }))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.key()).isEqualTo("registry.import.error.utf16NoBom"))
                .hasMessageStartingWith("f.jsonl holds NUL bytes");
    }

    private static List<RawRecord> readCsv(String name, String csv) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        new CsvReader(name, stream(csv)).read(records::add, bytes -> { });
        return records;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void row(Row row, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }
}
