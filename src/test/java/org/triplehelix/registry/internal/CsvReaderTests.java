package org.triplehelix.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV files the way offices save them: Excel on Chinese Windows, BOMs, CRLF, quoted cells, title rows, Chinese list separators. */
class CsvReaderTests {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void readsExcelsChineseWindowsCsvWithoutABomAsGb18030() throws IOException {
        byte[] gbk = "id,name_zh,keywords\r\no1,武汉大学,光谷;芯片\r\n".getBytes(Charset.forName("GBK"));
        CsvReader reader = new CsvReader("organizations.csv", new ByteArrayInputStream(gbk));
        List<RawRecord> records = read(reader);
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().node().get("name").get("zh").asString()).isEqualTo("武汉大学");
        assertThat(records.getFirst().node().get("keywords").toString()).isEqualTo("[\"光谷\",\"芯片\"]");
        assertThat(reader.charset()).isEqualTo(GB18030);
    }

    @Test
    void readsUtf8WithOrWithoutABomAsUtf8EvenWhenTheHeaderIsQuoted() throws IOException {
        CsvReader bom = new CsvReader("people.csv", stream("\uFEFF\"id\",\"name_zh\"\r\np1,张三\r\n", StandardCharsets.UTF_8));
        assertThat(read(bom).getFirst().node().toString()).isEqualTo("{\"kind\":\"person\",\"id\":\"p1\",\"name\":{\"zh\":\"张三\"}}");
        assertThat(bom.charset()).isEqualTo(StandardCharsets.UTF_8);
        CsvReader plain = new CsvReader("people.csv", stream("id,name_zh\np1,张三\n", StandardCharsets.UTF_8));
        assertThat(read(plain).getFirst().node().get("name").get("zh").asString()).isEqualTo("张三");
        assertThat(plain.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void refusesTextThatIsNeitherUtf8NorGb18030InsteadOfImportingMojibake() {
        byte[] bytes = {'i', 'd', ',', 'n', 'a', 'm', 'e', '\r', '\n', 'o', '1', ',', (byte) 0x80, (byte) 0xFF, '\r', '\n'};
        assertThatThrownBy(() -> read(new CsvReader("organizations.csv", new ByteArrayInputStream(bytes))))
                .isInstanceOf(IOException.class).hasMessageContaining("UTF-8").hasMessageContaining("GB18030");
    }

    @Test
    void numbersTheLineWhereARecordStartsPastQuotedLineBreaksAndBlankLines() throws IOException {
        String csv = "id,name_zh,description_zh\r\n"
                + "\r\n"
                + "o1,\"武汉, \"\"光谷\"\"\",\"第一行\r\n第二行\"\r\n"
                + "\r\n"
                + "\r\n"
                + "o2,东湖,\r\n";
        List<RawRecord> records = read(new CsvReader("organizations.csv", stream(csv, StandardCharsets.UTF_8)));
        assertThat(records).extracting(RawRecord::line).containsExactly(3L, 7L);
        assertThat(records.getFirst().node().get("name").get("zh").asString()).isEqualTo("武汉, \"光谷\"");
        assertThat(records.getFirst().node().get("description").get("zh").asString()).isEqualTo("第一行\r\n第二行");
    }

    @Test
    void ignoresTrailingEmptyColumnsAndRowsOfEmptyCells() throws IOException {
        String csv = "id,name_zh,,,\r\no1,武汉大学,,,\r\n,,,,\r\n,,\r\n";
        List<RawRecord> records = read(new CsvReader("organizations.csv", stream(csv, StandardCharsets.UTF_8)));
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().node().toString()).isEqualTo("{\"kind\":\"organization\",\"id\":\"o1\",\"name\":{\"zh\":\"武汉大学\"}}");
    }

    @Test
    void readsHeadersWhateverTheirCaseSpacesOrHyphens() throws IOException {
        String csv = " ID ,Name ZH,NAME-EN,name\u00A0 zh ,Keywords\u3000\r\no1,武汉大学,Wuhan University,,光谷\r\n";
        List<RawRecord> records = read(new CsvReader("organizations.csv", stream(csv, StandardCharsets.UTF_8)));
        assertThat(records.getFirst().node().toString()).isEqualTo("{\"kind\":\"organization\",\"id\":\"o1\","
                + "\"name\":{\"zh\":\"武汉大学\",\"en\":\"Wuhan University\"},\"keywords\":[\"光谷\"]}");
    }

    @Test
    void skipsATitleRowAboveTheHeader() throws IOException {
        String csv = "湖北省新型研发机构名录（2025）,,,\r\nid,name_zh,type,established\r\no1,武汉大学,university,1893\r\n";
        List<RawRecord> records = read(new CsvReader("organizations.csv", stream(csv, StandardCharsets.UTF_8)));
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().line()).isEqualTo(3);
        assertThat(records.getFirst().node().get("established").asInt()).isEqualTo(1893);
    }

    /** A quote never closed swallows the rest of the file: the line where it opens is named, not "line 0" (the file). */
    @Test
    void namesTheLineWhereAQuotedCellThatIsNeverClosedStarts() {
        String csv = "id,name_zh,description_zh\r\n"
                + "o1,武汉大学,\"第一行\r\n第二行\"\r\n"
                + "o2,东湖,\"没有结束\r\n"
                + "o3,光谷,\r\n";
        assertThatThrownBy(() -> read(new CsvReader("organizations.csv", stream(csv, StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.key()).isEqualTo("registry.import.error.unclosedQuote");
                    assertThat(e.args()).containsExactly("4");
                    assertThat(e.getMessage()).contains("organizations.csv").contains("starts on line 4").contains("never closed");
                });
    }

    @Test
    void aMissingRequiredColumnIsOneRefusalThatNamesIt() throws IOException {
        String csv = "编号,name_zh\r\no1,武汉大学\r\no2,华中科技大学\r\n";
        List<RawRecord> records = read(new CsvReader("organizations.csv", stream(csv, StandardCharsets.UTF_8)));
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().line()).isEqualTo(1);
        assertThat(records.getFirst().error()).contains("no column id").contains("organization");
        assertThat(records.getFirst().errorArgs()).contains("id");

        List<RawRecord> nameless = read(new CsvReader("outputs.csv", stream("id,year\r\nx1,2024\r\n", StandardCharsets.UTF_8)));
        assertThat(nameless.getFirst().error()).contains("no column title_zh or title_en");
    }

    @Test
    void splitsListsTheWayAChineseUserSeparatesThem() throws IOException {
        String csv = "id,title_zh,keywords,people\r\nx1,钠离子电池,正极材料、储能，电池;光谷；芯片,p1、p2，p3\r\n";
        RawRecord record = read(new CsvReader("outputs.csv", stream(csv, StandardCharsets.UTF_8))).getFirst();
        assertThat(record.node().get("keywords").toString()).isEqualTo("[\"正极材料\",\"储能\",\"电池\",\"光谷\",\"芯片\"]");
        assertThat(record.node().get("people").toString()).isEqualTo("[\"p1\",\"p2\",\"p3\"]");
    }

    @Test
    void readsAYearWrittenAsADateOrInFullWidthDigits() throws IOException {
        String csv = "id,title_zh,year\r\nx1,甲,2024-05-01\r\nx2,乙,2023/5/1\r\nx3,丙,２０２２\r\nx4,丁,2021年\r\nx5,戊,20x4\r\n";
        List<RawRecord> records = read(new CsvReader("outputs.csv", stream(csv, StandardCharsets.UTF_8)));
        assertThat(records).extracting(r -> r.node().get("year").toString()).containsExactly("2024", "2023", "2022", "2021", "\"20x4\"");
    }

    @Test
    void refusesAWorkbookNamedCsv() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0};
        assertThatThrownBy(() -> read(new CsvReader("organizations.csv", new ByteArrayInputStream(zip))))
                .isInstanceOf(IOException.class).hasMessageContaining("XLSX");
    }

    private static List<RawRecord> read(CsvReader reader) throws IOException {
        List<RawRecord> records = new ArrayList<>();
        reader.read(records::add, bytes -> { });
        return records;
    }

    private static ByteArrayInputStream stream(String text, Charset charset) {
        return new ByteArrayInputStream(text.getBytes(charset));
    }
}
