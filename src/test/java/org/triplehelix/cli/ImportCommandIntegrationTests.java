package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code helix import} and {@code helix export} as a user runs them, on an installation of their
 * own (target/cli-test-data, apart from the other integration tests' database).
 */
class ImportCommandIntegrationTests {

    private static final String DATA = "target/cli-test-data";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int helix(String... args) {
        return Cli.run(out, err, args);
    }

    @Test
    void importsTheGoodLinesNamesEveryBadOneAndExitsNonZeroThenExportsThem(@TempDir Path directory) throws Exception {
        Path fixture = Path.of("src/test/resources/registry-import/broken.jsonl");

        int status = helix("import", "--data", DATA, fixture.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(printed).contains(
                fixture + ":2 -: invalid JSON",
                fixture + ":3 -: missing required field id",
                fixture + ":4 it-org-3: unknown organization type 'castle'",
                fixture + ":5 it-person-1: dangling link: organization it-org-404 does not exist",
                fixture + ":6 it-org-4: unified social credit code has a bad checksum",
                fixture + ":10 it-person-4: ORCID iD has a bad checksum",
                fixture + ":13 it-grant-1: unknown kind 'grant' (organization, person, output, facility, demand",
                fixture + ":15 it-output-2: dangling link: people it-person-404 does not exist",
                "warning: organization: unknown field 'extra' ignored",
                "6 imported, 8 rejected");

        Path exported = directory.resolve("persons.jsonl");
        assertThat(helix("export", "--kind", "person", exported.toString(), "--data", DATA)).isZero();
        assertThat(Files.readAllLines(exported)).contains(
                "{\"kind\":\"person\",\"id\":\"it-person-3\",\"name\":\"Jane Roe\",\"organization\":\"it-org-1\"}");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("person records written");
    }

    /**
     * An office's spreadsheets: a CSV saved by Excel on Chinese Windows (GBK, no BOM, CRLF, a title
     * row, trailing empty columns, a quoted cell with a comma, quotes and a line break), a workbook
     * with a people sheet, and a CSV named .xlsx. Row 57 of each holds a bad value: named with its
     * file, line, id and field, the rest imported, the command exits 1.
     */
    @Test
    void importsAnOfficesSpreadsheetsNamingTheBadRowAndExitsNonZero(@TempDir Path directory) throws Exception {
        StringBuilder csv = new StringBuilder("湖北省科研机构名录（2025）,,,,,,\r\n ID ,Name ZH,name_en,Type,Established,description_zh,\r\n");
        for (int line = 3; line <= 80; line++) {
            String established = line == 57 ? "一九五二" : String.valueOf(1900 + line);
            String description = line == 3 ? "\"光谷, \"\"东湖\"\"\r\n第二行\"" : "";
            csv.append("it-gbk-").append(line).append(",湖北机构").append(line).append(",,research_institute,").append(established)
                    .append(',').append(description).append(",\r\n");
            if (line == 3) {
                line++; // the quoted line break: the next record starts a line later
            }
        }
        csv.append(",,,,,,\r\n\r\n");
        Path organizations = Files.write(directory.resolve("organizations.csv"), csv.toString().getBytes(java.nio.charset.Charset.forName("GBK")));
        Path people = directory.resolve("people-2025.xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var output = Files.newOutputStream(people)) {
            var sheet = workbook.createSheet("people");
            String[] header = {"id", "name_zh", "organization", "orcid", "keywords"};
            var head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            for (int row = 1; row < 70; row++) {
                var cells = sheet.createRow(row);
                cells.createCell(0).setCellValue("it-xp-" + (row + 1));
                cells.createCell(1).setCellValue("研究员" + (row + 1));
                cells.createCell(2).setCellValue("it-gbk-" + (row == 56 ? 57 : 5));
                cells.createCell(4).setCellValue("钠离子电池、储能，正极材料");
            }
            workbook.write(output);
        }
        Path renamed = Files.writeString(directory.resolve("facilities.xlsx"), "id,name_zh\r\nf1,电镜\r\n");

        int status = helix("import", "--data", DATA, organizations.toString(), people.toString(), renamed.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(printed).contains(
                "warning: " + organizations + ": not UTF-8, read as GB18030",
                organizations + ":57 it-gbk-57: established must be a whole number, not a string",
                people + "[people]:57 it-xp-57: dangling link: organization it-gbk-57 does not exist",
                renamed + ":0 -: cannot read the file: " + renamed + " is not an XLSX workbook",
                "144 imported, 3 rejected", ", 1 warning; ");
        Path exported = directory.resolve("organizations.jsonl");
        assertThat(helix("export", "--kind", "organization", exported.toString(), "--data", DATA)).isZero();
        String organizationsOut = Files.readString(exported);
        assertThat(organizationsOut).contains("{\"kind\":\"organization\",\"id\":\"it-gbk-3\",\"name\":\"湖北机构3\",\"type\":\"research_institute\","
                        + "\"description\":\"光谷, \\\"东湖\\\"\\r\\n第二行\",\"established\":1903}",
                "\"id\":\"it-gbk-5\",\"name\":\"湖北机构5\"", "\"id\":\"it-gbk-80\"")
                .doesNotContain("\"it-gbk-57\"", "\"it-gbk-4\"");
        Path persons = directory.resolve("persons.jsonl");
        assertThat(helix("export", "--kind", "person", persons.toString(), "--data", DATA)).isZero();
        assertThat(Files.readString(persons)).contains("{\"kind\":\"person\",\"id\":\"it-xp-2\",\"name\":\"研究员2\",\"organization\":\"it-gbk-5\","
                + "\"keywords\":[\"钠离子电池\",\"储能\",\"正极材料\"]}").doesNotContain("\"it-xp-57\"");
    }

    /**
     * The summary's breakdown counts every kind, not only the registry's own: an organization, a demand and a talent
     * record go in as new, the same file again leaves all three unchanged, and a changed demand is counted as changed.
     * The ids are new on every run, as this installation's database outlives it.
     */
    @Test
    void theBreakdownCountsDemandAndTalentRecordsAsNewChangedOrUnchanged(@TempDir Path directory) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String organization = "{\"kind\": \"organization\", \"id\": \"it-mix-uni-" + run + "\", \"name\": \"混合导入大学\", \"type\": \"university\"}";
        String talent = "{\"kind\": \"talent_supply\", \"id\": \"it-mix-supply-" + run + "\", \"university\": \"it-mix-uni-" + run
                + "\", \"discipline\": \"08\", \"degree_level\": \"master\", \"year\": 2026, \"graduates\": 120}";
        Path mixed = directory.resolve("mixed.jsonl");
        Files.writeString(mixed, String.join("\n", organization, demand(run, "碳化硅晶圆的缺陷检测"), talent) + "\n");

        assertThat(helix("import", "--data", DATA, mixed.toString())).isZero();
        assertThat(helix("import", "--data", DATA, mixed.toString())).isZero();
        Files.writeString(mixed, String.join("\n", organization, demand(run, "碳化硅晶圆的缺陷在线检测"), talent) + "\n");
        assertThat(helix("import", "--data", DATA, mixed.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(" imported, ")))
                .map(line -> line.substring(0, line.indexOf(" replaced by a later record")))
                .containsExactly("3 imported, 0 rejected (3 new, 0 changed, 0 unchanged, 0",
                        "3 imported, 0 rejected (0 new, 0 changed, 3 unchanged, 0",
                        "3 imported, 0 rejected (0 new, 1 changed, 2 unchanged, 0");
    }

    /**
     * The CSV export is UTF-8 with a byte order mark, as the templates and every other CSV of the platform
     * (Excel on Chinese Windows reads a CSV without one as GBK), and importing it changes nothing.
     */
    @Test
    void theCsvExportHasAByteOrderMarkAndImportsUnchanged(@TempDir Path directory) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        Path organization = Files.writeString(directory.resolve("organization.jsonl"), "{\"kind\": \"organization\", \"id\": \"it-bom-"
                + run + "\", \"name\": {\"zh\": \"光谷实验室\", \"en\": \"Optics Valley Laboratory\"}, \"type\": \"research_institute\"}\n");
        assertThat(helix("import", "--data", DATA, organization.toString())).isZero();

        Path exported = directory.resolve("organizations.csv");
        assertThat(helix("export", "--kind", "organization", exported.toString(), "--data", DATA)).isZero();
        byte[] bytes = Files.readAllBytes(exported);
        assertThat(java.util.Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("it-bom-" + run + ",光谷实验室,Optics Valley Laboratory");
        java.util.regex.Matcher written = java.util.regex.Pattern.compile("(\\d+) organization records? written")
                .matcher(err.toString(StandardCharsets.UTF_8));
        assertThat(written.find()).isTrue();
        long count = Long.parseLong(written.group(1));

        out.reset();
        assertThat(helix("import", "--data", DATA, exported.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(count + " imported, 0 rejected (0 new, 0 changed, " + count + " unchanged, ");
    }

    private static String demand(String run, String title) {
        return "{\"kind\": \"demand\", \"id\": \"it-mix-demand-" + run + "\", \"title\": \"" + title + "\", \"keywords\": [\"碳化硅\"],"
                + " \"organization\": \"it-mix-uni-" + run + "\"}";
    }

    @Test
    void aMissingFileOrAnUnknownFormatIsAUsageError(@TempDir Path directory) throws Exception {
        assertThat(helix("import", "--data", DATA, directory.resolve("nothing.jsonl").toString())).isEqualTo(2);
        Path text = Files.writeString(directory.resolve("notes.txt"), "hello");
        assertThat(helix("import", "--data", DATA, text.toString())).isEqualTo(2);
        assertThat(helix("import")).isEqualTo(2);
        assertThat(helix("export", "--kind", "castle", "x.jsonl")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file", "unknown format", "unknown kind castle");
    }
}
