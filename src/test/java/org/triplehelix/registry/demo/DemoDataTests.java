package org.triplehelix.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every bundled demo line against INTERCHANGE.md and the seed taxonomies: kinds, ids, required
 * fields, unique ids per kind, links that resolve within the bundle, organization and output types,
 * credit-code checksums, regions and disciplines known to the taxonomies, the illustrative set
 * labelled and kept apart. Reads the bundle from the classpath, as the import does.
 */
class DemoDataTests {

    private static final Set<String> ORGANIZATION_TYPES = Set.of("national_laboratory", "provincial_laboratory",
            "national_key_laboratory", "major_facility", "new_rd_institution", "university", "research_institute",
            "enterprise", "government", "other");
    private static final Set<String> OUTPUT_TYPES = Set.of("project", "paper", "patent", "achievement", "standard", "software");
    private static final Set<String> FACILITY_TYPES = Set.of("major_facility", "instrument");
    private static final Map<String, String> REQUIRED = Map.of(
            "organization", "name", "person", "name", "output", "title", "facility", "name", "demand", "title");
    private static final Set<String> TEXT_FIELDS = Set.of("name", "title", "abstract", "description");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "organization", Set.of("kind", "id", "name", "type", "parent", "region", "ror", "uscc", "website", "description", "established"),
            "person", Set.of("kind", "id", "name", "organization", "title", "orcid", "disciplines", "keywords", "description"),
            "output", Set.of("kind", "id", "title", "type", "abstract", "keywords", "year", "discipline", "people", "organizations"),
            "facility", Set.of("kind", "id", "name", "type", "organization", "description", "keywords", "region"),
            "demand", Set.of("kind", "id", "title", "description", "keywords", "organization", "industry", "region"));

    /** A bundled record: its file, line number and JSON. */
    record Line(String file, int number, JsonNode json) {
        String kind() {
            return json.path("kind").asString();
        }

        String id() {
            return json.path("id").asString();
        }

        String where() {
            return file + ":" + number + " " + id();
        }
    }

    private static final Map<String, Boolean> manifest = new LinkedHashMap<>();
    private static final List<Line> lines = new ArrayList<>();
    private static final Map<String, Map<String, Line>> byKindAndId = new HashMap<>();
    private static String taxonomies;

    @BeforeAll
    static void readBundle() {
        JsonMapper json = JsonMapper.builder().build();
        for (String line : resource("demo/manifest.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] words = line.strip().split("\\s+");
                manifest.put(words[0], words.length > 1 && words[1].equals("illustrative"));
            }
        }
        for (String file : manifest.keySet()) {
            String[] rows = resource("demo/" + file).split("\n");
            for (int i = 0; i < rows.length; i++) {
                lines.add(new Line(file, i + 1, json.readTree(rows[i])));
            }
        }
        lines.forEach(l -> byKindAndId.computeIfAbsent(l.kind(), k -> new HashMap<>()).put(l.id(), l));
        taxonomies = resource("db/migration/registry/V2_2__taxonomies.sql");
    }

    @Test
    void manifestListsTheFilesInImportOrderWithTheIllustrativeSetFlagged() {
        assertThat(manifest).containsExactly(Map.entry("universities.jsonl", false), Map.entry("ror.jsonl", false),
                Map.entry("nssfc.jsonl", false), Map.entry("csl.jsonl", false), Map.entry("illustrative.jsonl", true));
    }

    @Test
    void everyLineIsARecordOfAKnownKindWithKindFirstAnIdAndItsRequiredField() {
        for (Line line : lines) {
            assertThat(line.json().propertyNames().iterator().next()).as(line.where()).isEqualTo("kind");
            assertThat(REQUIRED).as(line.where()).containsKey(line.kind());
            assertThat(line.json().path("id").isString() && !line.id().isBlank()).as(line.where()).isTrue();
            assertThat(line.json().has(REQUIRED.get(line.kind()))).as(line.where()).isTrue();
            assertThat(FIELDS.get(line.kind())).as(line.where()).containsAll(line.json().propertyNames());
        }
    }

    @Test
    void textValuesAreStringsOrLanguageTaggedObjects() {
        for (Line line : lines) {
            for (String field : TEXT_FIELDS) {
                JsonNode text = line.json().get(field);
                if (text != null && !text.isString()) {
                    assertThat(text.isObject()).as(line.where()).isTrue();
                    assertThat(Set.of("zh", "en")).as(line.where()).containsAll(text.propertyNames());
                    text.values().forEach(v -> assertThat(v.isString() && !v.asString().isBlank()).as(line.where()).isTrue());
                }
            }
        }
    }

    @Test
    void idsAreUniqueWithinTheirKind() {
        Map<String, Set<String>> seen = new HashMap<>();
        for (Line line : lines) {
            assertThat(seen.computeIfAbsent(line.kind(), k -> new HashSet<>()).add(line.id()))
                    .as("duplicate " + line.where()).isTrue();
        }
    }

    @Test
    void everyLinkResolvesWithinTheBundle() {
        for (Line line : lines) {
            links(line).forEach((target, kind) -> assertThat(byKindAndId.get(kind))
                    .as(line.where() + " links to " + kind + " " + target).containsKey(target));
        }
    }

    @Test
    void parentChainsEnd() {
        Map<String, Line> organizations = byKindAndId.get("organization");
        for (Line line : organizations.values()) {
            Set<String> seen = new HashSet<>();
            for (JsonNode at = line.json(); at != null && at.has("parent"); at = organizations.get(at.get("parent").asString()).json()) {
                assertThat(seen.add(at.get("id").asString())).as("cycle through " + line.where()).isTrue();
            }
        }
    }

    @Test
    void typesAreThoseOfTheInterchangeFormat() {
        for (Line line : lines) {
            String type = line.json().path("type").asString(null);
            Set<String> allowed = switch (line.kind()) {
                case "organization" -> ORGANIZATION_TYPES;
                case "output" -> OUTPUT_TYPES;
                case "facility" -> FACILITY_TYPES;
                default -> null;
            };
            if (allowed != null && type != null) {
                assertThat(allowed).as(line.where()).contains(type);
            }
        }
    }

    @Test
    void creditCodesHaveValidChecksums() {
        List<Line> withCodes = lines.stream().filter(l -> l.json().has("uscc")).toList();
        assertThat(withCodes).hasSizeGreaterThanOrEqualTo(30);
        withCodes.forEach(l -> assertThat(isValidUscc(l.json().get("uscc").asString())).as(l.where()).isTrue());
    }

    @Test
    void theChecksumTestAcceptsRealCodesAndRejectsATypo() {
        assertThat(isValidUscc("914403001922038216")).isTrue();
        assertThat(isValidUscc("9144030071526726XG")).isTrue();
        assertThat(isValidUscc("914403001922038217")).isFalse();
    }

    @Test
    void regionsAndDisciplinesAreKnownToTheTaxonomies() {
        Set<String> regions = names("region");
        Set<String> disciplines = names("discipline");
        for (Line line : lines) {
            String region = line.json().path("region").asString(null);
            if (region != null) {
                assertThat(regions).as(line.where()).contains(region);
            }
            if (!line.file().equals("nssfc.jsonl")) {
                String discipline = line.json().path("discipline").asString(null);
                if (discipline != null) {
                    assertThat(disciplines).as(line.where()).contains(discipline);
                }
                line.json().path("disciplines").forEach(d -> assertThat(disciplines).as(line.where()).contains(d.asString()));
            }
        }
    }

    @Test
    void theIllustrativeSetIsLabelledAndLinksOnlyToItself() {
        for (Line line : lines) {
            boolean illustrative = manifest.get(line.file());
            assertThat(line.id().startsWith("demo-")).as(line.where()).isEqualTo(illustrative);
            if (illustrative) {
                JsonNode description = line.json().has("description") ? line.json().get("description") : line.json().get("abstract");
                assertThat(description).as(line.where()).isNotNull();
                description.values().forEach(text -> assertThat(text.asString()).as(line.where()).startsWith(IllustrativeSet.MARK));
                links(line).keySet().forEach(target -> assertThat(target).as(line.where()).startsWith("demo-"));
            }
        }
    }

    @Test
    void theIllustrativeSetHasTheRegionsTiers() {
        Map<String, Long> counts = new HashMap<>();
        lines.stream().filter(l -> manifest.get(l.file()))
                .forEach(l -> counts.merge(l.kind() + ":" + l.json().path("type").asString(""), 1L, Long::sum));
        assertThat(counts).containsEntry("organization:national_laboratory", 1L)
                .containsEntry("organization:provincial_laboratory", 10L)
                .containsEntry("organization:major_facility", 8L)
                .containsEntry("facility:major_facility", 8L);
        assertThat(counts.get("organization:new_rd_institution")).isGreaterThanOrEqualTo(20);
        assertThat(counts.get("organization:enterprise")).isGreaterThanOrEqualTo(30);
        assertThat(counts.get("facility:instrument")).isGreaterThanOrEqualTo(40);
    }

    @Test
    void theRealDataIsAllThere() {
        Set<String> rorIds = new HashSet<>();
        lines.stream().filter(l -> l.json().has("ror")).forEach(l -> rorIds.add(l.json().get("ror").asString()));
        assertThat(lines.stream().filter(l -> l.file().equals("universities.jsonl"))).hasSize(129);
        assertThat(rorIds).hasSize(1368);
        assertThat(lines.stream().filter(l -> l.file().equals("csl.jsonl"))).hasSize(2000);
        assertThat(lines.stream().filter(l -> l.json().path("type").asString("").equals("project"))
                .filter(l -> l.id().startsWith("nssfc-"))).hasSizeGreaterThan(3300);
    }

    @Test
    void theSeedTaxonomiesHaveTheirCounts() {
        assertThat(count("'province'")).isEqualTo(34);
        assertThat(count("'prefecture', '420000'")).isEqualTo(17);
        assertThat(count("'district', '42")).isEqualTo(99);
        assertThat(count("'traditional'") + count("'emerging'") + count("'future'")).isEqualTo(22);
        assertThat(count("'kct-")).isEqualTo(29);
        assertThat(names("discipline")).hasSize(67 + 13 - 6); // six disciplines share their category's name
    }

    private static Map<String, String> links(Line line) {
        Map<String, String> links = new HashMap<>();
        JsonNode json = line.json();
        switch (line.kind()) {
            case "organization" -> put(links, json.get("parent"), "organization");
            case "person", "facility" -> put(links, json.get("organization"), "organization");
            case "output" -> {
                json.path("people").forEach(p -> put(links, p, "person"));
                json.path("organizations").forEach(o -> put(links, o, "organization"));
            }
            default -> { }
        }
        return links;
    }

    private static void put(Map<String, String> links, JsonNode id, String kind) {
        if (id != null) {
            links.put(id.asString(), kind);
        }
    }

    /** GB 32100-2015, written here apart from the converter's code. */
    static boolean isValidUscc(String code) {
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        if (code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = charset.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * weights[i];
        }
        return charset.charAt((31 - sum % 31) % 31) == code.charAt(17);
    }

    /** The Chinese names inserted into a taxonomy table by the seed migration. */
    private static Set<String> names(String table) {
        int start = taxonomies.indexOf("insert into " + table + " ");
        int end = taxonomies.indexOf(";\n", start);
        Set<String> names = new HashSet<>();
        Matcher row = Pattern.compile("\\('[^']*', '([^']*)'").matcher(taxonomies.substring(start, end));
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }

    private static long count(String fragment) {
        return Stream.of(taxonomies.split("\n")).filter(l -> l.contains(fragment)).count();
    }

    private static String resource(String path) {
        try (InputStream in = DemoDataTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
