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
