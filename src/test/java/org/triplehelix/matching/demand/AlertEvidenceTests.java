package org.triplehelix.matching.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.Fixture;
import org.triplehelix.matching.IndexDocument;
import org.triplehelix.matching.MatchHit;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.matching.SearchIndex;
import org.triplehelix.matching.embedding.BgeSmallZhEmbedder;
import org.triplehelix.matching.embedding.Embedder;
import org.triplehelix.matching.lucene.LuceneSearchIndex;
import org.triplehelix.matching.ranking.Ranker;
import org.triplehelix.matching.ranking.RankingProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert bar on the fixture (src/test/resources/matching/fixture, its vectors precomputed by the real
 * model): which of the first hits of a demand's ranking have the evidence to be told. The judged experts
 * of the fixture's demands pass, hybrid and lexical only; the demands the fixture cannot answer (the
 * three in {@code matching/alerts/unrelated.jsonl}, their vectors precomputed the same way) tell nobody,
 * although their ranking has a first hit like any other.
 */
class AlertEvidenceTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String UNRELATED = "/matching/alerts/unrelated.jsonl";
    private static final RankingProperties DEFAULTS = new RankingProperties(1, 1, 1, 0.5f, 1000, 300, 3, 1, 5, 10, 1000, 0.5f, 300, 0.5f);
    private static final AlertProperties BAR = new AlertProperties(5, 3, 0.75, 0.25);

    @TempDir
    static Path directory;

    static LuceneSearchIndex index;
    static Ranker ranker;
    static AlertEvidence evidence;
    static Map<String, float[]> vectors;

    @BeforeAll
    static void indexTheFixture() {
        index = new LuceneSearchIndex(directory, "bge-small-zh-v1.5", 512, new LuceneSearchIndex.Weights(1, 1, 1));
        index.clear();
        index.index(Fixture.documentsWithVectors());
        index.commit(Map.of(SearchIndex.COMPLETE, "true"));
        ranker = new Ranker(index, DEFAULTS);
        evidence = new AlertEvidence(index, BAR);
        vectors = unrelatedVectors();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void theJudgedExpertsOfChineseDemandsPassAndTheTailDoesNot() {
        assertThat(told("固态电解质电池的研发", EntityKind.PERSON, true)).containsExactly("person-li-wei", "person-zhang-min");
        assertThat(told("钠离子电池储能", EntityKind.PERSON, true)).containsExactly("person-zhang-min", "person-li-wei");
        assertThat(told("数据中心光模块与硅光芯片", EntityKind.PERSON, true)).containsExactly("person-wang-fang");
        assertThat(told("水稻育种", EntityKind.PERSON, true)).containsExactly("person-liu-yang");
        assertThat(told("桥梁健康监测与拉索损伤", EntityKind.PERSON, true)).containsExactly("person-sun-hao");
        assertThat(told("楚国简帛文献研究", EntityKind.PERSON, true)).containsExactly("person-wu-qiang");
        assertThat(told("农作物病虫害绿色防控", EntityKind.PERSON, true)).containsExactly("person-zhao-lei", "person-liu-yang");
        assertThat(told("水稻育种", EntityKind.ORGANIZATION, true)).containsExactly("org-agri-univ");
        assertThat(told("固态电解质电池的研发", EntityKind.ORGANIZATION, true)).containsExactly("org-battery-lab");
    }

    @Test
    void englishDemandsPassOnTheirWordsNotOnTheBunchedSimilarityOfEnglishTexts() {
        assertThat(told("AI for medical image segmentation", EntityKind.PERSON, true)).containsExactly("person-emily-hart", "person-zhou-ting");
        assertThat(told("Thermal management of high-power fiber lasers", EntityKind.PERSON, true)).containsExactly("person-chen-jie");
        assertThat(told("bridge cable damage detection", EntityKind.PERSON, true)).containsExactly("person-sun-hao");
        // Oliver Grant's "Life-cycle assessment of household water heaters" is second in the ranking (cosine 0.71, "life" and
        // "water"): two generic words of a long title and the bunched similarity of English texts are not evidence
        String membrane = "We need low-iridium membrane electrode assemblies for PEM water electrolysers that keep their efficiency and life";
        assertThat(ranked(membrane, EntityKind.PERSON, true)).startsWith("person-zheng-hua", "person-oliver-grant");
        assertThat(told(membrane, EntityKind.PERSON, true)).containsExactly("person-zheng-hua");
        assertThat(told(membrane, EntityKind.ORGANIZATION, true)).containsExactly("org-hydrogen-lab");
    }

    @Test
    void lexicalEvidenceAloneSufficesWhileTheSemanticIndexIsNotReady() {
        assertThat(told("固态电解质电池的研发", EntityKind.PERSON, false)).containsExactly("person-li-wei", "person-zhang-min");
        assertThat(told("楚国简帛文献研究", EntityKind.PERSON, false)).containsExactly("person-wu-qiang");
        assertThat(told("AI for medical image segmentation", EntityKind.PERSON, false)).containsExactly("person-emily-hart", "person-zhou-ting");
    }

    @Test
    void aDemandTheRegistryCannotAnswerTellsNobodyThoughItsRankingHasAFirstHit() {
        for (String demand : vectors.keySet()) {
            for (EntityKind target : List.of(EntityKind.PERSON, EntityKind.ORGANIZATION)) {
                for (boolean semantic : new boolean[] {true, false}) {
                    assertThat(ranked(demand, target, semantic)).as(demand).isNotEmpty();
                    assertThat(told(demand, target, semantic)).as(demand + " " + target + (semantic ? " hybrid" : " lexical")).isEmpty();
                }
            }
        }
    }

    @Test
    void aTitleIsCoveredByTwoWordsAndAQuarterOfIt() {
        assertThat(AlertEvidence.units("固态电解质")).isEqualTo(5);
        assertThat(AlertEvidence.units("fiber lasers")).isEqualTo(4);
        assertThat(AlertEvidence.units("胸部X光片, high-power")).isEqualTo(4 + 2 + 4);
        assertThat(evidence.covered("固态电解质电池的研发", "固态电池的界面")).as("固态 and 电池: 4 of 10").isTrue();
        assertThat(evidence.covered("固态电解质电池的研发", "锂电池")).as("电池 alone").isFalse();
        assertThat(evidence.covered("新能源汽车动力电池的回收利用与梯次利用关键技术", "新能源汽车")).as("5 of 23: below a quarter").isFalse();
        assertThat(evidence.covered("新能源汽车动力电池回收", "新能源汽车")).as("5 of 11").isTrue();
        assertThat(evidence.covered("bridge cable damage detection", "Damage to stay cables of bridges")).isTrue();
        assertThat(evidence.covered("bridge cable damage detection", "object detection")).isFalse();
        assertThat(evidence.covered(null, "anything")).isFalse();
    }

    /** The ids of the first five hits of the ranking that pass the bar, the way DemandAlerts takes them. */
    private static List<String> told(String text, EntityKind target, boolean semantic) {
        Demand demand = demand(text);
        return hits(text, target, semantic).stream().limit(DemandAlerts.WINDOW).filter(h -> evidence.fits(demand, h))
                .limit(5).map(MatchHit::extId).toList();
    }

    private static List<String> ranked(String text, EntityKind target, boolean semantic) {
        return hits(text, target, semantic).stream().map(MatchHit::extId).toList();
    }

    /**
     * The hits as MatchService gives them (its reasons built the same way: the three best supporting
     * outputs, the best cosine among them and the profile, the keywords the demand's text contains).
     */
    private static List<MatchHit> hits(String text, EntityKind target, boolean semantic) {
        float[] vector = semantic ? vector(text) : null;
        List<MatchHit> hits = new ArrayList<>();
        int rank = 0;
        for (Ranker.Candidate candidate : ranker.rank(target, text, vector, SearchFilter.NONE).stream().limit(DemandAlerts.WINDOW).toList()) {
            IndexDocument entity = index.documents(target, List.of(candidate.extId())).getFirst();
            List<Ranker.Evidence> best = candidate.outputs().stream().limit(3).toList();
            List<IndexDocument> outputs = index.documents(EntityKind.OUTPUT, best.stream().map(Ranker.Evidence::extId).toList());
            List<MatchHit.Support> supports = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                IndexDocument output = outputs.get(i);
                supports.add(new MatchHit.Support(output.extId(), output.titleZh(), output.titleEn(), List.of(), output.year(), output.type(),
                        best.get(i).weight(), best.get(i).bm25(), best.get(i).cosine()));
            }
            Double similarity = Stream.concat(Stream.ofNullable(candidate.profile()), best.stream()).map(Ranker.Evidence::cosine)
                    .filter(Objects::nonNull).map(Float::doubleValue).max(Double::compare).orElse(null);
            String haystack = text.toLowerCase(Locale.ROOT);
            List<String> keywords = Stream.concat(entity.keywords().stream(), outputs.stream().flatMap(o -> o.keywords().stream()))
                    .filter(k -> k.length() >= 2 && haystack.contains(k.toLowerCase(Locale.ROOT))).distinct().toList();
            hits.add(new MatchHit(target, candidate.extId(), ++rank, candidate.score(), entity.titleZh(), entity.titleEn(), List.of(),
                    new MatchHit.Reasons(List.of(), similarity, supports, null, keywords)));
        }
        return hits;
    }

    private static float[] vector(String text) {
        return vectors.containsKey(text) ? vectors.get(text) : Fixture.embedder().embed(text);
    }

    private static Demand demand(String title) {
        boolean chinese = org.triplehelix.shared.Text.containsHan(title);
        return new Demand("demand-test", chinese ? title : null, chinese ? null : title, null, null, List.of(), null, null, null, null,
                null, null, null, null, Demand.Visibility.PUBLIC, null, Demand.Status.OPEN, "someone@example.org", List.of(),
                Instant.now(), Instant.now(), 0, false, null);
    }

    private static Map<String, float[]> unrelatedVectors() {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        try (InputStream in = AlertEvidenceTests.class.getResourceAsStream(UNRELATED)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode row = JSON.readTree(line);
                    byte[] bytes = Base64.getDecoder().decode(row.get("vector").asString());
                    float[] vector = new float[bytes.length / 4];
                    ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
                    vectors.put(row.get("text").asString(), vector);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return vectors;
    }

    /**
     * Writes the vectors of the unrelated demands with the real model (as the fixture's own are written),
     * when they change: {@code ./mvnw -o -q test -Dtest=AlertEvidenceTests -Dfixture.vectors=write}.
     */
    @Test
    @EnabledIfSystemProperty(named = "fixture.vectors", matches = "write")
    void writeTheUnrelatedDemandsVectors() throws IOException {
        BgeSmallZhEmbedder model = new BgeSmallZhEmbedder(2, 2);
        List<String> lines = new ArrayList<>();
        for (String text : List.of("量子计算机的超导量子比特", "城市垃圾分类的社会治理", "Blockchain for supply chain finance")) {
            float[] vector = model.embed(text);
            ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4);
            bytes.asFloatBuffer().put(vector);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("text", text);
            row.put("vector", Base64.getEncoder().encodeToString(bytes.array()));
            lines.add(JSON.writeValueAsString(row));
        }
        Files.write(Path.of("src/test/resources" + UNRELATED), lines, StandardCharsets.UTF_8);
    }
}
