package org.triplehelix.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.triplehelix.matching.embedding.Embedder;
import org.triplehelix.matching.indexing.CorpusDocuments;
import org.triplehelix.registry.RegistryCorpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checked-in fixture (src/test/resources/matching/fixture): a tiny bilingual corpus in the
 * interchange format, queries with judgements, and the bge-small-zh-v1.5 vectors of every text in it,
 * computed once by {@link FixtureVectorsWriter} so that no model runs in a unit test.
 */
public final class Fixture {

    public static final String DIR = "/matching/fixture/";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixture() {
    }

    public static List<JsonNode> records() {
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines("corpus.jsonl")) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    /** Query id → text. */
    public static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (String line : lines("queries.jsonl")) {
            JsonNode query = JSON.readTree(line);
            queries.put(query.get("id").asString(), query.get("text").asString());
        }
        return queries;
    }

    /** The corpus as index documents (without vectors), the way the registry would feed them. */
    public static List<IndexDocument> documents() {
        CorpusDocuments documents = new CorpusDocuments(text -> text.length() <= 256 ? text : text.substring(0, 256));
        Map<String, JsonNode> organizations = new HashMap<>();
        records().stream().filter(r -> r.get("kind").asString().equals("organization")).forEach(o -> organizations.put(o.get("id").asString(), o));
        List<IndexDocument> result = new ArrayList<>();
        for (JsonNode r : records()) {
            String id = r.get("id").asString();
            switch (r.get("kind").asString()) {
                case "organization" -> result.add(documents.organization(new RegistryCorpus.Organization(id, text(r, "type"),
                        zh(r, "name"), en(r, "name"), null, text(r, "region"), zh(r, "description"), en(r, "description"), null, null, false)));
                case "person" -> {
                    JsonNode organization = organizations.get(text(r, "organization"));
                    result.add(documents.person(new RegistryCorpus.Person(id, zh(r, "name"), en(r, "name"), text(r, "organization"),
                            text(organization, "type"), text(r, "title"), list(r, "disciplines"), list(r, "keywords"),
                            zh(r, "description"), en(r, "description"), text(organization, "region"), null, false)));
                }
                case "output" -> {
                    List<String> orgs = list(r, "organizations");
                    result.add(documents.output(new RegistryCorpus.Output(id, text(r, "type"), zh(r, "title"), en(r, "title"),
                            zh(r, "abstract"), en(r, "abstract"), list(r, "keywords"), r.has("year") ? r.get("year").asInt() : null,
                            text(r, "discipline"), list(r, "people"), orgs,
                            orgs.isEmpty() ? null : text(organizations.get(orgs.getFirst()), "region"), null, false)));
                }
                case "facility" -> result.add(documents.facility(new RegistryCorpus.Facility(id, text(r, "type"), zh(r, "name"),
                        en(r, "name"), text(r, "organization"), zh(r, "description"), en(r, "description"), list(r, "keywords"),
                        text(organizations.get(text(r, "organization")), "region"), null, false)));
                default -> throw new IllegalStateException("unknown kind in the fixture");
            }
        }
        return result;
    }

    /** The documents with their precomputed vectors. */
    public static List<IndexDocument> documentsWithVectors() {
        Embedder vectors = embedder();
        return documents().stream().map(d -> d.embeddingText() == null ? d : d.withVector(vectors.embed(d.embeddingText()))).toList();
    }

    /** An embedder that knows the fixture's texts only (their vectors precomputed by the real model). */
    public static Embedder embedder() {
        Map<String, float[]> vectors = new HashMap<>();
        for (String line : lines("vectors.jsonl")) {
            JsonNode row = JSON.readTree(line);
            byte[] bytes = Base64.getDecoder().decode(row.get("vector").asString());
            float[] vector = new float[bytes.length / 4];
            java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
            vectors.put(row.get("text").asString(), vector);
        }
        return new Embedder() {
            @Override
            public String model() {
                return "bge-small-zh-v1.5";
            }

            @Override
            public int dimension() {
                return 512;
            }

            @Override
            public float[] embed(String text) {
                float[] vector = vectors.get(text);
                if (vector == null) {
                    throw new IllegalArgumentException("no precomputed vector for \"" + text + "\": run FixtureVectorsWriter");
                }
                return vector;
            }
        };
    }

    static List<String> lines(String file) {
        try (InputStream in = Fixture.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode r, String field) {
        return r != null && r.hasNonNull(field) ? r.get(field).asString() : null;
    }

    private static String zh(JsonNode r, String field) {
        if (!r.hasNonNull(field)) {
            return null;
        }
        JsonNode value = r.get(field);
        if (value.isObject()) {
            return text(value, "zh");
        }
        return org.triplehelix.shared.Text.containsHan(value.asString()) ? value.asString() : null;
    }

    private static String en(JsonNode r, String field) {
        if (!r.hasNonNull(field)) {
            return null;
        }
        JsonNode value = r.get(field);
        if (value.isObject()) {
            return text(value, "en");
        }
        return org.triplehelix.shared.Text.containsHan(value.asString()) ? null : value.asString();
    }

    private static List<String> list(JsonNode r, String field) {
        List<String> values = new ArrayList<>();
        if (r.hasNonNull(field)) {
            r.get(field).forEach(v -> values.add(v.asString()));
        }
        return values;
    }
}
