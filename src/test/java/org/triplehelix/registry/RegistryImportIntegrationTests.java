package org.triplehelix.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.triplehelix.shared.AuditableChange;

/** The import against the embedded PostgreSQL: bad lines named, good ones in, idempotent, round trip through export. */
@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
@org.junit.jupiter.api.extension.ExtendWith(org.triplehelix.access.RunAsSystem.class)
class RegistryImportIntegrationTests {

    @Autowired
    RegistryImport imports;

    @Autowired
    RegistryExport export;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WriteGuard guard;

    @Autowired
    RecordStore store;

    @Autowired
    PendingRecords pending;

    @Autowired
    RegionResolver regions;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ApplicationEvents published;

    @BeforeEach
    void cleanAndSeedRegions() {
        for (String table : List.of("output", "facility", "person", "organization")) {
            jdbc.sql("delete from " + table + " where ext_id like 'it-%'").update();
        }
        jdbc.sql("insert into region (code, name_zh, name_en, level, parent_code) values "
                + "('420000', '湖北省', 'Hubei', 'province', null), ('420100', '武汉市', 'Wuhan', 'prefecture', '420000'), "
                + "('420111', '洪山区', 'Hongshan', 'district', '420100') on conflict do nothing").update();
    }

    @Test
    void importsTheGoodRecordsAndNamesEveryBadLine() throws Exception {
        ImportReport report = imports.run(fixture(), ImportListener.NONE);

        assertThat(report.rejections()).extracting(r -> r.line() + " " + r.id()).containsExactly(
                "2 null", "3 null", "4 it-org-3", "6 it-org-4", "10 it-person-4", "13 it-grant-1", "5 it-person-1", "15 it-output-2");
        assertThat(report.rejections()).extracting(ImportRejection::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("invalid JSON"),
                r -> assertThat(r).isEqualTo("missing required field id"),
                r -> assertThat(r).isEqualTo("unknown organization type 'castle'"),
                r -> assertThat(r).contains("bad checksum"),
                r -> assertThat(r).contains("ORCID iD has a bad checksum"),
                r -> assertThat(r).startsWith("unknown kind 'grant' (organization, person, output, facility, demand"),
                r -> assertThat(r).isEqualTo("dangling link: organization it-org-404 does not exist"),
                r -> assertThat(r).isEqualTo("dangling link: people it-person-404 does not exist"));
        assertThat(report.rejections()).allSatisfy(r -> assertThat(r.file()).endsWith("broken.jsonl"));
        assertThat(report.summary()).isEqualTo("6 imported, 8 rejected");
        assertThat(report.warnings()).containsExactly("organization: unknown field 'extra' ignored (first at " + fixturePath() + ":11)");
        assertThat(ids("organization")).containsExactly("it-org-1", "it-org-5");
        assertThat(ids("person")).containsExactly("it-person-2", "it-person-3");
        assertThat(ids("output")).containsExactly("it-output-1");
        assertThat(ids("facility")).containsExactly("it-fac-1");
    }

    /**
     * A CSV that begins as UTF-8 and goes on in GBK past the megabyte its encoding is told from:
     * refused as a whole, none of its records in (they used to go in up to the fault); the other
     * file of the import goes in.
     */
    @Test
    void aFileThatCannotBeReadToItsEndImportsNothingOfItself(@TempDir Path directory) throws Exception {
        StringBuilder utf8 = new StringBuilder("id,name_en,description_en\r\n");
        for (int i = 1; i <= 12; i++) {
            utf8.append("it-enc-").append(i).append(",Lab ").append(i).append(',').append("x".repeat(100_000)).append("\r\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("it-enc-13,武汉实验室,\r\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        Path mixed = Files.write(directory.resolve("organizations.csv"), bytes.toByteArray());
        Path good = Files.writeString(directory.resolve("more.jsonl"), "{\"kind\": \"organization\", \"id\": \"it-enc-ok\", \"name\": \"实验室\"}\n");

        ImportReport report = imports.run(List.of(ImportSource.of(mixed, false), ImportSource.of(good, false)), ImportListener.NONE);

        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.file()).isEqualTo(mixed.toString());
            assertThat(rejection.reason()).contains("is not UTF-8 text throughout");
            assertThat(rejection.message().key()).isEqualTo("registry.import.error.encodingChanges");
        });
        assertThat(report.summary()).isEqualTo("1 imported, 1 rejected");
        assertThat(ids("organization")).containsExactly("it-enc-ok");
    }

    /**
     * Excel's "Unicode Text": UTF-16LE after its BOM, TAB-separated, imported; a UTF-16 file whose last character is
     * half of a pair (an unpaired high surrogate) is refused as a whole, its good first record not imported either.
     */
    @Test
    void utf16WithItsBomIsImportedAndAMalformedOneImportsNothingOfItself(@TempDir Path directory) throws Exception {
        ByteArrayOutputStream unicodeText = new ByteArrayOutputStream();
        unicodeText.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        unicodeText.writeBytes("id\tname_zh\tregion\r\nit-u16-1\t光谷实验室\t武汉\r\n".getBytes(StandardCharsets.UTF_16LE));
        Path good = Files.write(directory.resolve("organizations.csv"), unicodeText.toByteArray());
        ByteArrayOutputStream malformed = new ByteArrayOutputStream();
        malformed.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
        malformed.writeBytes("id,name_zh\r\nit-u16-2,东湖实验室\r\nit-u16-3,".getBytes(StandardCharsets.UTF_16BE));
        malformed.writeBytes(new byte[] {(byte) 0xD8, 0x3D}); // a high surrogate, and the file ends
        Path bad = Files.write(directory.resolve("labs-organization.csv"), malformed.toByteArray());

        ImportReport report = imports.run(List.of(ImportSource.of(good, false), ImportSource.of(bad, false)), ImportListener.NONE);

        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.file()).isEqualTo(bad.toString());
            assertThat(rejection.line()).isZero();
            assertThat(rejection.message().key()).isEqualTo("registry.import.error.utf16Malformed");
        });
        assertThat(report.warnings()).isEmpty(); // a BOM says the encoding: nothing guessed, nothing to warn of
        assertThat(report.summary()).isEqualTo("1 imported, 1 rejected");
        assertThat(ids("organization")).containsExactly("it-u16-1");
        assertThat(jdbc.sql("SELECT name_zh FROM organization WHERE ext_id = 'it-u16-1'").query(String.class).single()).isEqualTo("光谷实验室");
    }

    /**
     * A CSV whose quote on line 3 is never closed: rejected as a whole at that line (it was reported at line 0,
     * "cannot read the file"), the record before it not imported either; the other file of the import goes in.
     */
    @Test
    void aQuoteNeverClosedIsReportedAtItsLineAndImportsNothingOfTheFile(@TempDir Path directory) throws Exception {
        Path broken = Files.writeString(directory.resolve("organizations.csv"), "id,name_zh,description_zh\r\n"
                + "it-quote-1,武汉实验室,\r\n"
                + "it-quote-2,东湖实验室,\"没有结束的描述\r\n"
                + "it-quote-3,光谷实验室,\r\n");
        Path good = Files.writeString(directory.resolve("more.jsonl"), "{\"kind\": \"organization\", \"id\": \"it-quote-ok\", \"name\": \"实验室\"}\n");

        ImportReport report = imports.run(List.of(ImportSource.of(broken, false), ImportSource.of(good, false)), ImportListener.NONE);

        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.file()).isEqualTo(broken.toString());
            assertThat(rejection.line()).isEqualTo(3);
            assertThat(rejection.reason()).contains("starts on line 3 is never closed");
            assertThat(rejection.message().key()).isEqualTo("registry.import.error.unclosedQuote");
        });
        assertThat(report.summary()).isEqualTo("1 imported, 1 rejected");
        assertThat(ids("organization")).containsExactly("it-quote-ok");
    }

    @Test
    void storesLinksInOrderAndResolvesRegions() throws Exception {
        imports.run(fixture(), ImportListener.NONE);

        assertThat(jdbc.sql("select p.ext_id from output_person l join person p on p.id = l.person_id "
                + "join output o on o.id = l.output_id where o.ext_id = 'it-output-1' order by l.position").query(String.class).list())
                .containsExactly("it-person-2", "it-person-3");
        assertThat(jdbc.sql("select p.ext_id from organization o join organization p on p.id = o.parent_id where o.ext_id = 'it-org-5'")
                .query(String.class).single()).isEqualTo("it-org-1");
        assertThat(jdbc.sql("select region || '=' || region_code from organization where ext_id like 'it-%' order by ext_id")
                .query(String.class).list()).containsExactly("湖北=420000", "武汉=420100");
        assertThat(jdbc.sql("select region_code from facility where ext_id = 'it-fac-1'").query(String.class).single()).isEqualTo("420111");
        assertThat(jdbc.sql("select orcid from person where ext_id = 'it-person-2'").query(String.class).single()).isEqualTo("0000-0002-1825-0097");
        regions.reload();
        assertThat(regions.resolve("湖北省")).isEqualTo("420000");
        assertThat(regions.resolve("Wuhan")).isEqualTo("420100");
        assertThat(regions.resolve("洪山")).isEqualTo("420111");
        assertThat(regions.resolve("火星")).isNull();
    }

    @Test
    void aSecondImportOfTheSameFileChangesNothing() throws Exception {
        imports.run(fixture(), ImportListener.NONE);
        List<String> before = versions();

        ImportReport again = imports.run(fixture(), ImportListener.NONE);

        assertThat(versions()).isEqualTo(before);
        assertThat(again.inserted() + again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(6);
    }

    @Test
    void aChangedRecordReplacesTheStoredOneAndBumpsItsVersion(@TempDir Path directory) throws Exception {
        Path first = write(directory, "a.jsonl", "{\"kind\": \"organization\", \"id\": \"it-org-9\", \"name\": \"甲\"}");
        Path second = write(directory, "b.jsonl", "{\"kind\": \"organization\", \"id\": \"it-org-9\", \"name\": {\"zh\": \"乙\", \"en\": \"B\"}}");
        imports.run(List.of(ImportSource.of(first, false)), ImportListener.NONE);
        imports.run(List.of(ImportSource.of(second, true)), ImportListener.NONE);

        assertThat(jdbc.sql("select name_zh || '/' || name_en || '/' || version || '/' || illustrative from organization where ext_id = 'it-org-9'")
                .query(String.class).single()).isEqualTo("乙/B/1/true");
    }

    @Test
    void linksMayCrossBatchesAndFilesAndTheLastRecordOfAnIdWins(@TempDir Path directory) throws Exception {
        Path people = write(directory, "people.jsonl",
                "{\"kind\": \"person\", \"id\": \"it-p-1\", \"name\": \"一\", \"organization\": \"it-o-3\"}",
                "{\"kind\": \"output\", \"id\": \"it-x-1\", \"title\": \"旧\", \"people\": [\"it-p-1\"]}",
                "{\"kind\": \"output\", \"id\": \"it-x-1\", \"title\": \"新\", \"people\": [\"it-p-1\"], \"organizations\": [\"it-o-1\"]}",
                "{\"kind\": \"person\", \"id\": \"it-p-2\", \"name\": \"二\", \"organization\": \"it-o-2\"}");
        Path organizations = write(directory, "organizations.jsonl",
                "{\"kind\": \"organization\", \"id\": \"it-o-3\", \"name\": \"三\", \"parent\": \"it-o-2\"}",
                "{\"kind\": \"organization\", \"id\": \"it-o-2\", \"name\": \"二\", \"parent\": \"it-o-1\"}",
                "{\"kind\": \"organization\", \"id\": \"it-o-1\", \"name\": \"一\"}",
                "{\"kind\": \"organization\", \"id\": \"it-o-8\", \"name\": \"八\", \"parent\": \"it-o-9\"}",
                "{\"kind\": \"organization\", \"id\": \"it-o-9\", \"name\": \"九\", \"parent\": \"it-o-8\"}");
        RegistryImport smallBatches = new RegistryImport(guard, store, pending, regions, transactions, events,
                new StaticListableBeanFactory().getBeanProvider(ForeignKindImporter.class), 2);

        ImportReport report = smallBatches.run(List.of(ImportSource.of(people, false), ImportSource.of(organizations, false)), ImportListener.NONE);

        assertThat(report.summary()).isEqualTo("7 imported, 2 rejected");
        assertThat(report.superseded()).isEqualTo(1);
        assertThat(report.rejections()).extracting(ImportRejection::reason).allSatisfy(reason ->
                assertThat(reason).contains("could not be imported (a link cycle or a dangling link of its own)"));
        assertThat(jdbc.sql("select title_zh || '/' || version from output where ext_id = 'it-x-1'").query(String.class).single()).isEqualTo("新/0");
        assertThat(ids("organization")).containsExactly("it-o-1", "it-o-2", "it-o-3");
        assertThat(jdbc.sql("select count(*) from import_pending").query(Integer.class).single()).isZero();
    }

    @Test
    void refusesAParentCycleThroughStoredOrganizations(@TempDir Path directory) throws Exception {
        imports.run(List.of(ImportSource.of(write(directory, "a.jsonl",
                "{\"kind\": \"organization\", \"id\": \"it-c-1\", \"name\": \"一\"}",
                "{\"kind\": \"organization\", \"id\": \"it-c-2\", \"name\": \"二\", \"parent\": \"it-c-1\"}"), false)), ImportListener.NONE);

        ImportReport report = imports.run(List.of(ImportSource.of(write(directory, "b.jsonl",
                "{\"kind\": \"organization\", \"id\": \"it-c-3\", \"name\": \"三\"}",
                "{\"kind\": \"organization\", \"id\": \"it-c-1\", \"name\": \"一\", \"parent\": \"it-c-2\"}"), false)), ImportListener.NONE);

        assertThat(report.rejections()).extracting(ImportRejection::toString).containsExactly(
                directory.resolve("b.jsonl") + ":2 it-c-1: parent cycle: organization it-c-1 would be its own ancestor");
        assertThat(ids("organization")).containsExactly("it-c-1", "it-c-2", "it-c-3");
    }

    @Test
    void exportGivesBackWhatWasImported() throws Exception {
        imports.run(fixture(), ImportListener.NONE);
        List<String> before = versions();

        for (FileFormat format : FileFormat.values()) {
            List<ImportSource> sources = new ArrayList<>();
            for (RecordKind kind : RecordKind.values()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                export.export(kind, format, out);
                byte[] bytes = out.toByteArray();
                if (format == FileFormat.JSON_LINES && kind == RecordKind.OUTPUT) {
                    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("{\"kind\":\"output\",\"id\":\"it-output-1\",\"title\":\"前向链接\","
                            + "\"type\":\"paper\",\"people\":[\"it-person-2\",\"it-person-3\"],\"organizations\":[\"it-org-5\"]}\n");
                }
                sources.add(ImportSource.of(kind.collection() + "." + format.extension(), format, bytes.length, false,
                        () -> new java.io.ByteArrayInputStream(bytes)));
            }
            ImportReport again = imports.run(sources, ImportListener.NONE);
            assertThat(again.rejected()).as(format.name() + " " + again.rejections()).isZero();
            // other test classes' records share the database and may legitimately change (a region seeded since): judge ours
            assertThat(versions()).as(format.name()).isEqualTo(before);
        }
    }

    @Test
    void handsOtherModulesKindsToTheirImporterAfterTheRegistryRecords(@TempDir Path directory) throws Exception {
        List<ForeignRecord> received = new ArrayList<>();
        ForeignKindImporter demands = new ForeignKindImporter() {
            @Override
            public String kind() {
                return "demand";
            }

            @Override
            public java.util.Set<String> fields() {
                return java.util.Set.of("title", "organization");
            }

            @Override
            public Batch importBatch(List<ForeignRecord> records) {
                received.addAll(records);
                java.util.function.Predicate<ForeignRecord> linked = r -> ids("organization").contains(r.fields().path("organization").asString());
                return new Batch(records.stream().filter(linked).map(r -> new Stored(r, Change.NEW)).toList(),
                        records.stream().filter(linked.negate())
                                .map(r -> new Failure(r, "organization " + r.fields().path("organization").asString() + " does not exist")).toList());
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("demands", demands));
        RegistryImport withDemands = new RegistryImport(guard, store, pending, regions, transactions, events,
                beans.getBeanProvider(ForeignKindImporter.class), 2000);

        ImportReport report = withDemands.run(List.of(ImportSource.of(write(directory, "d.jsonl",
                "{\"kind\": \"demand\", \"id\": \"it-d-1\", \"title\": \"需求\", \"organization\": \"it-e-1\"}",
                "{\"kind\": \"demand\", \"id\": \"it-d-2\", \"title\": \"需求\", \"organization\": \"it-e-2\", \"budget\": 5}",
                "{\"kind\": \"organization\", \"id\": \"it-e-1\", \"name\": \"企业\", \"type\": \"enterprise\"}"), true)), ImportListener.NONE);

        assertThat(received).extracting(ForeignRecord::id).containsExactly("it-d-1", "it-d-2");
        assertThat(received).allSatisfy(r -> assertThat(r.illustrative()).isTrue());
        assertThat(report.summary()).isEqualTo("2 imported, 1 rejected");
        assertThat(report.importedByKind()).containsEntry("demand", 1L).containsEntry("organization", 1L);
        // a field the kind does not know (its importer's fields) is reported once, as the registry's kinds' are
        assertThat(report.warnings()).containsExactly("demand: unknown field 'budget' ignored (first at " + directory.resolve("d.jsonl") + ":2)");
    }

    /**
     * An id is written in TREC runs, whose fields are separated by spaces: one holding whitespace of any kind (a space, a
     * tab, the ideographic and the no-break space) is rejected, in each of the three formats and for another module's kind
     * too, naming its file, its line and the field; the other records go in, an id holding a comma among them.
     */
    @Test
    void anIdHoldingWhitespaceIsRejectedInEveryFormatWithItsLineAndTheRestGoIn(@TempDir Path directory) throws Exception {
        Path jsonl = write(directory, "ids.jsonl",
                "{\"kind\": \"organization\", \"id\": \"it-ws-1\", \"name\": \"好机构\"}",
                "{\"kind\": \"organization\", \"id\": \"it-ws 2\", \"name\": \"空格机构\"}",
                "{\"kind\": \"organization\", \"id\": \"it-ws\u30003\", \"name\": \"全角空格机构\"}",
                "{\"kind\": \"person\", \"id\": \"it-ws\u00a04\", \"name\": \"不换行空格\"}",
                "{\"kind\": \"demand\", \"id\": \"it-ws\\t5\", \"title\": \"制表符需求\"}",
                "{\"kind\": \"organization\", \"id\": \"it-ws,6\", \"name\": \"逗号机构\"}");
        Path csv = write(directory, "organizations.csv", "id,name_zh", "it-ws-7,好机构", "it-ws 8,空格机构");
        Path xlsx = directory.resolve("facilities.xlsx");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var output = Files.newOutputStream(xlsx)) {
            var sheet = workbook.createSheet("facility");
            String[][] rows = {{"id", "name_zh"}, {"it-ws\t9", "制表符设施"}, {"it-ws-10", "好设施"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue(rows[r][0]);
                row.createCell(1).setCellValue(rows[r][1]);
            }
            workbook.write(output);
        }

        ImportReport report = imports.run(List.of(ImportSource.of(jsonl, false), ImportSource.of(csv, false), ImportSource.of(xlsx, false)),
                ImportListener.NONE);

        assertThat(report.rejections()).extracting(r -> r.file() + ":" + r.line() + " " + r.id()).containsExactly(
                jsonl + ":2 it-ws 2", jsonl + ":3 it-ws\u30003", jsonl + ":4 it-ws\u00a04", jsonl + ":5 it-ws\t5",
                csv + ":3 it-ws 8", xlsx + "[facility]:2 it-ws\t9");
        assertThat(report.rejections()).allSatisfy(r -> {
            assertThat(r.reason()).isEqualTo("id \"" + r.id() + "\" holds whitespace (a space, a tab or a line break), which an id cannot hold");
            assertThat(r.message().key()).isEqualTo("input.idWhitespace");
            assertThat(r.message().args()).containsExactly(r.id());
        });
        assertThat(report.summary()).isEqualTo("4 imported, 6 rejected");
        assertThat(ids("organization")).containsExactly("it-ws,6", "it-ws-1", "it-ws-7");
        assertThat(ids("facility")).containsExactly("it-ws-10");
        assertThat(ids("person")).isEmpty();
    }

    /**
     * A list item holding a line break (which the edit forms, showing a list one item a line, would split) is rejected,
     * in a JSON line and in a CSV cell quoted across lines, naming the field and the item's place in the list.
     */
    @Test
    void aListItemHoldingALineBreakIsRejectedNamingItsFieldAndPlace(@TempDir Path directory) throws Exception {
        Path jsonl = write(directory, "lists.jsonl",
                "{\"kind\": \"person\", \"id\": \"it-lb-1\", \"name\": \"换行\", \"keywords\": [\"正极\", \"负极\", \"锂离子\\n电池\"]}",
                "{\"kind\": \"person\", \"id\": \"it-lb-2\", \"name\": \"分隔符\", \"disciplines\": [\"化学\\u2028物理\"]}",
                "{\"kind\": \"person\", \"id\": \"it-lb-3\", \"name\": \"逗号\", \"keywords\": [\"锂离子电池,正极\", \"正极\", \"正极\"]}");
        Path csv = Files.writeString(directory.resolve("facilities.csv"), "id,name_zh,keywords\r\nit-lb-4,设施,\"涂布;辊压\r\n分切\"\r\n");

        ImportReport report = imports.run(List.of(ImportSource.of(jsonl, false), ImportSource.of(csv, false)), ImportListener.NONE);

        assertThat(report.rejections()).extracting(r -> r.line() + " " + r.id() + ": " + r.reason()).containsExactly(
                "1 it-lb-1: keywords[2] holds a line break: an item of a list is one line",
                "2 it-lb-2: disciplines[0] holds a line break: an item of a list is one line",
                "2 it-lb-4: keywords[1] holds a line break: an item of a list is one line");
        assertThat(report.rejections()).allSatisfy(r -> assertThat(r.message().key()).isEqualTo("input.itemLineBreak"));
        assertThat(ids("person")).containsExactly("it-lb-3");
        assertThat(jdbc.sql("select array_to_string(keywords, '|') from person where ext_id = 'it-lb-3'").query(String.class).single())
                .isEqualTo("锂离子电池,正极|正极|正极");
    }

    @Test
    void publishesOneChangeEventPerKindAndOneAuditEventPerBatch() throws Exception {
        imports.run(fixture(), ImportListener.NONE);

        assertThat(published.stream(RegistryChanged.class)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("organization");
            assertThat(e.extIds()).containsExactlyInAnyOrder("it-org-1", "it-org-5");
        });
        assertThat(published.stream(AuditableChange.class).filter(e -> e.action().equals("import")))
                .singleElement().satisfies(e -> assertThat(((Map<?, ?>) e.after()).get("inserted")).isEqualTo(6L));
    }

    private List<ImportSource> fixture() throws URISyntaxException {
        return List.of(ImportSource.of(fixturePath(), false));
    }

    private static Path fixturePath() throws URISyntaxException {
        return Path.of(RegistryImportIntegrationTests.class.getResource("/registry-import/broken.jsonl").toURI());
    }

    private List<String> ids(String table) {
        return jdbc.sql("select ext_id from " + table + " where ext_id like 'it-%' order by ext_id").query(String.class).list();
    }

    private List<String> versions() {
        return jdbc.sql("""
                select ext_id || ' ' || version || ' ' || updated_at from organization where ext_id like 'it-%'
                union all select ext_id || ' ' || version || ' ' || updated_at from person where ext_id like 'it-%'
                union all select ext_id || ' ' || version || ' ' || updated_at from output where ext_id like 'it-%'
                union all select ext_id || ' ' || version || ' ' || updated_at from facility where ext_id like 'it-%'
                order by 1""").query(String.class).list();
    }

    private static Path write(Path directory, String name, String... lines) throws Exception {
        return Files.write(directory.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }
}
