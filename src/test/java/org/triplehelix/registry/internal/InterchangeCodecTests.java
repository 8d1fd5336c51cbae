package org.triplehelix.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.triplehelix.registry.FacilityRecord;
import org.triplehelix.registry.FacilityType;
import org.triplehelix.registry.OrganizationRecord;
import org.triplehelix.registry.OrganizationType;
import org.triplehelix.registry.OutputRecord;
import org.triplehelix.registry.OutputType;
import org.triplehelix.registry.PersonRecord;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.registry.RegistryRecord;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Text;
import tools.jackson.databind.json.JsonMapper;

class InterchangeCodecTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<String> unknown = new ArrayList<>();

    private RegistryRecord read(RecordKind kind, String json) {
        return InterchangeCodec.read(kind, JSON.readTree(json), (k, f) -> unknown.add(k + "." + f));
    }

    @Test
    void readsAnOrganizationWithEveryField() {
        OrganizationRecord org = (OrganizationRecord) read(RecordKind.ORGANIZATION, """
                {"kind": "organization", "id": "hust", "name": {"zh": "华中科技大学", "en": "Huazhong University of Science and Technology"},
                 "type": "university", "parent": "moe", "region": "武汉市", "ror": "https://ror.org/00p991c53",
                 "uscc": "12100000400000624D", "website": "https://www.hust.edu.cn", "description": "A university", "established": 1952}""");
        assertThat(org.name()).isEqualTo(new Text("华中科技大学", "Huazhong University of Science and Technology"));
        assertThat(org.type()).isEqualTo(OrganizationType.UNIVERSITY);
        assertThat(org.parent()).isEqualTo("moe");
        assertThat(org.uscc().value()).isEqualTo("12100000400000624D");
        assertThat(org.description()).isEqualTo(new Text(null, "A university"));
        assertThat(org.established()).isEqualTo(1952);
        assertThat(org.links()).containsExactly(new RegistryRecord.Link("parent", RecordKind.ORGANIZATION, "moe"));
        assertThat(unknown).isEmpty();
    }

    @Test
    void fileAPlainStringUnderChineseWhenItHasHanCharactersElseEnglish() {
        assertThat(((PersonRecord) read(RecordKind.PERSON, "{\"id\": \"p1\", \"name\": \"李明\"}")).name()).isEqualTo(new Text("李明", null));
        assertThat(((PersonRecord) read(RecordKind.PERSON, "{\"id\": \"p1\", \"name\": \"Li Ming\"}")).name()).isEqualTo(new Text(null, "Li Ming"));
    }

    @Test
    void appliesTheDefaultTypes() {
        assertThat(((OrganizationRecord) read(RecordKind.ORGANIZATION, "{\"id\": \"o\", \"name\": \"x\"}")).type()).isEqualTo(OrganizationType.OTHER);
        assertThat(((OutputRecord) read(RecordKind.OUTPUT, "{\"id\": \"o\", \"title\": \"x\"}")).type()).isEqualTo(OutputType.ACHIEVEMENT);
        assertThat(((FacilityRecord) read(RecordKind.FACILITY, "{\"id\": \"f\", \"name\": \"x\"}")).type()).isEqualTo(FacilityType.INSTRUMENT);
    }

    @Test
    void readsOutputLinksInOrder() {
        OutputRecord output = (OutputRecord) read(RecordKind.OUTPUT, """
                {"kind": "output", "id": "o1", "title": "t", "type": "patent", "people": ["p2", "p1"], "organizations": ["org"], "year": 2024, "keywords": ["a", " ", "b"]}""");
        assertThat(output.people()).containsExactly("p2", "p1");
        assertThat(output.keywords()).containsExactly("a", "b");
        assertThat(output.links()).extracting(RegistryRecord.Link::id).containsExactly("p2", "p1", "org");
    }

    /** A list item holding a line break is refused naming its field and place; commas, spaces and repeats are kept. */
    @Test
    void refusesAListItemHoldingALineBreakNamingItsPlace() {
        assertThatThrownBy(() -> read(RecordKind.PERSON, "{\"id\": \"p\", \"name\": \"x\", \"keywords\": [\"a\", \" \", \"b\\nc\"]}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("keywords[2]");
                    assertThat(e.key()).isEqualTo("input.itemLineBreak");
                });
        assertThatThrownBy(() -> read(RecordKind.OUTPUT, "{\"id\": \"o\", \"title\": \"x\", \"people\": [\"p\\r1\"]}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("people[0]"));
        PersonRecord kept = (PersonRecord) read(RecordKind.PERSON, "{\"id\": \"p\", \"name\": \"x\", \"disciplines\": [\"a, b\", \"c d\", \"c d\"]}");
        assertThat(kept.disciplines()).containsExactly("a, b", "c d", "c d");
    }

    @Test
    void reportsUnknownFieldsWithoutFailing() {
        read(RecordKind.PERSON, "{\"kind\": \"person\", \"id\": \"p\", \"name\": \"x\", \"email\": \"a@b\", \"homepage\": 1}");
        assertThat(unknown).containsExactly("person.email", "person.homepage");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            organization | {"name": "x"}                                   | id           | missing required field id
            organization | {"id": "  ", "name": "x"}                       | id           | non-blank
            organization | {"id": ["a"], "name": "x"}                      | id           | must be a string
            organization | {"id": "o"}                                     | name         | missing required field name
            organization | {"id": "o", "name": {"zh": " ", "en": null}}   | name         | missing required field name
            organization | {"id": "o", "name": 3.5e0}                      | name         | must be a string or an object
            organization | {"id": "o", "name": {"fr": "x"}}                | name         | unknown language 'fr'
            organization | {"id": "o", "name": "x", "type": "castle"}      | type         | unknown organization type 'castle'
            organization | {"id": "o", "name": "x", "uscc": "91350100M000100Y44"} | uscc  | bad checksum
            organization | {"id": "o", "name": "x", "established": "1952"} | established  | must be a whole number
            organization | {"id": "o", "name": "x", "parent": {"id": "p"}} | parent       | must be a string
            person       | {"id": "p", "name": "x", "orcid": "0000-0002-1825-0098"} | orcid | bad checksum
            person       | {"id": "p", "name": "x", "keywords": "a;b"}     | keywords     | must be a list of strings
            person       | {"id": "p", "name": "x", "keywords": [["a"]]}   | keywords     | must be a list of strings
            output       | {"id": "o"}                                     | title        | missing required field title
            output       | {"id": "o", "title": "t", "type": "poem"}       | type         | unknown output type 'poem'
            output       | {"id": "o", "title": "t", "year": 2024.5}       | year         | must be a whole number
            facility     | {"id": "f", "name": "x", "type": "laboratory"}  | type         | unknown facility type
            facility     | {"id": "f", "name": "a\\u0000b"}                | name         | NUL
            """)
    void refusesBadRecordsNamingTheField(String kind, String json, String field, String message) {
        assertThatThrownBy(() -> read(RecordKind.fromInterchange(kind).orElseThrow(), json))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(field);
    }

    @Test
    void writesKindFirstAndTextsAsPlainStringsOnlyWhenAReaderInfersTheSameLanguage() {
        OrganizationRecord org = new OrganizationRecord("o", OrganizationType.ENTERPRISE, new Text("华为", "Huawei"), null, "深圳",
                null, null, null, new Text(null, "通信"), null);
        String json = InterchangeCodec.write(org).toString();
        assertThat(json).startsWith("{\"kind\":\"organization\",\"id\":\"o\"");
        assertThat(json).contains("\"name\":{\"zh\":\"华为\",\"en\":\"Huawei\"}");
        assertThat(json).contains("\"description\":{\"en\":\"通信\"}");
        assertThat(InterchangeCodec.textNode(new Text("华为", null)).isString()).isTrue();
        assertThat(InterchangeCodec.textNode(new Text(null, "Huawei")).isString()).isTrue();
        assertThat(InterchangeCodec.textNode(new Text("Huawei", null)).isObject()).isTrue();
    }

    @Test
    void readsBackWhatItWrites() {
        List<RegistryRecord> records = List.of(
                new OrganizationRecord("o", OrganizationType.NATIONAL_KEY_LABORATORY, new Text("实验室", "Lab"), "u", "420100", "ror",
                        null, "https://x", new Text("描述", null), 2001),
                new PersonRecord("p", new Text("张三", "Zhang San"), "o", "教授", null, List.of("材料"), List.of("光", "电"), null),
                new OutputRecord("x", OutputType.PAPER, new Text(null, "Title"), new Text("摘要", "Abstract"), List.of("k"), 2020, "物理",
                        List.of("p"), List.of("o")),
                new FacilityRecord("f", FacilityType.MAJOR_FACILITY, new Text("脉冲强磁场", null), "o", null, List.of(), "武汉"));
        for (RegistryRecord record : records) {
            assertThat(InterchangeCodec.read(record.kind(), InterchangeCodec.write(record), (k, f) -> unknown.add(f))).isEqualTo(record);
        }
        assertThat(unknown).isEmpty();
    }
}
