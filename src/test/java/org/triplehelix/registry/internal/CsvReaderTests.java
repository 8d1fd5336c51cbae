package org.triplehelix.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.triplehelix.shared.OfficeFiles;

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

    /** Excel's "Unicode Text (*.txt)": UTF-16LE after its BOM, TAB-separated, CRLF; the same quoting as CSV. */
    @Test
    void readsExcelsUnicodeTextUtf16LeWithItsBomAsTabSeparated() throws IOException {
        byte[] text = utf16("id\tname_zh\tkeywords\r\no1\t武汉大学\t\"光谷；芯片\"\r\no2\t\"东湖, 实验室\"\t\r\n",
                StandardCharsets.UTF_16LE, 0xFF, 0xFE);
        assertThat(Arrays.copyOf(text, 6)).containsExactly(0xFF, 0xFE, 'i', 0, 'd', 0); // what Excel writes, not what a test assumes
        CsvReader reader = new CsvReader("organizations.csv", new ByteArrayInputStream(text));
        List<RawRecord> records = read(reader);
        assertThat(records).extracting(record -> record.node().toString()).containsExactly(
                "{\"kind\":\"organization\",\"id\":\"o1\",\"name\":{\"zh\":\"武汉大学\"},\"keywords\":[\"光谷\",\"芯片\"]}",
                "{\"kind\":\"organization\",\"id\":\"o2\",\"name\":{\"zh\":\"东湖, 实验室\"}}");
        assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L);
        assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(reader.charsetGuessed()).isFalse();
        assertThat(reader.separator()).isEqualTo('\t');
    }

    @Test
    void readsUtf16BeWithItsBomAndATitleRowAboveTheHeader() throws IOException {
        byte[] text = utf16("湖北省新型研发机构名录,,\r\nid,name_zh,established\r\no1,光谷实验室,2021\r\n", StandardCharsets.UTF_16BE, 0xFE, 0xFF);
        assertThat(Arrays.copyOf(text, 4)).containsExactly(0xFE, 0xFF, 0x6E, 0x56); // 湖 is U+6E56, high byte first
        CsvReader reader = new CsvReader("organizations.csv", new ByteArrayInputStream(text));
        List<RawRecord> records = read(reader);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.line()).isEqualTo(3L);
            assertThat(record.node().toString()).isEqualTo("{\"kind\":\"organization\",\"id\":\"o1\",\"name\":{\"zh\":\"光谷实验室\"},\"established\":2021}");
        });
        assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(reader.separator()).isEqualTo(',');
    }

    @Test
    void refusesUtf16ThatIsCutOrHoldsHalfACharacterPairAsAWhole() {
        byte[] whole = utf16("id,name_zh\r\no1,武汉大学\r\n", StandardCharsets.UTF_16LE, 0xFF, 0xFE);
        byte[] odd = Arrays.copyOf(whole, whole.length + 1); // a byte more than whole characters
        // the high surrogate D83D (LE: 3D D8) followed by an x, not by a low surrogate: written by hand, as no encoder writes it
        byte[] unpaired = concat(utf16("id,name_zh\r\no1,武汉", StandardCharsets.UTF_16LE, 0xFF, 0xFE),
                new byte[] {0x3D, (byte) 0xD8}, "x\r\n".getBytes(StandardCharsets.UTF_16LE));
        for (byte[] bytes : List.of(odd, unpaired)) {
            List<RawRecord> records = new ArrayList<>();
            assertThatThrownBy(() -> new CsvReader("people.csv", new ByteArrayInputStream(bytes)).read(records::add, count -> { }))
                    .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                        assertThat(e.key()).isEqualTo("registry.import.error.utf16Malformed");
                        assertThat(e.args()).containsExactly("people.csv", "UTF-16LE");
                    })
                    .hasMessageContaining("people.csv").hasMessageContaining("CSV UTF-8");
        }
    }

    @Test
    void refusesUtf16WithoutItsBomByNameInsteadOfReadingItAsUtf8OrGb18030() {
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] bytes = "id,name_zh\r\no1,武汉大学\r\n".getBytes(charset);
            assertThat(OfficeFiles.encoding(bytes, bytes.length, true)).isPresent(); // what the import did with it: a NUL after each letter
            assertThatThrownBy(() -> read(new CsvReader("people.csv", new ByteArrayInputStream(bytes))))
                    .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                        assertThat(e.key()).isEqualTo("registry.import.error.utf16NoBom");
                        assertThat(e.args()).containsExactly("people.csv");
                    })
                    .hasMessageStartingWith("people.csv holds NUL bytes").hasMessageContaining("CSV UTF-8");
        }
    }

    @Test
    void aHeaderWithTabsAndNoCommaIsTabSeparatedAndACommaHeaderStaysCsv() throws IOException {
        CsvReader tabs = new CsvReader("people.csv", stream("id\tname_zh\tkeywords\r\np1\t张三\t电池, 储能\r\n", StandardCharsets.UTF_8));
        assertThat(read(tabs).getFirst().node().toString())
                .isEqualTo("{\"kind\":\"person\",\"id\":\"p1\",\"name\":{\"zh\":\"张三\"},\"keywords\":[\"电池, 储能\"]}");
        CsvReader commas = new CsvReader("people.csv", stream("id,name_zh,keywords\r\np1,张三\t李四,电池\r\n", StandardCharsets.UTF_8));
        assertThat(read(commas).getFirst().node().get("name").get("zh").asString()).isEqualTo("张三\t李四");
        assertThat(commas.separator()).isEqualTo(',');
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] utf16(String text, Charset charset, int... bom) {
        byte[] body = text.getBytes(charset);
        byte[] bytes = new byte[bom.length + body.length];
        for (int i = 0; i < bom.length; i++) {
            bytes[i] = (byte) bom[i];
        }
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        return bytes;
    }
}
