package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo's illustrative demands over its illustrative registry (imported as the demo loader does,
 * flagged illustrative, embedded by the real model): the label every one of them carries
 * (示例数据 / Illustrative:, （示例）, (illustrative)) is no reason to match. Before, every
 * illustrative expert "matched" every illustrative demand on 示例 (and 数据, from 示例数据). And the
 * other way round, a profile's "demands that fit" shows only those with evidence.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IllustrativeMatchingIntegrationTests {

    /** Demands the demo writes for one of its experts, and that expert. */
    static final Map<String, String> ANSWERED_BY = Map.of(
            "demo-demand-01", "demo-person-chen-qiming",   // co-packaged silicon photonics
            "demo-demand-03", "demo-person-wang-lixin",    // fibre-laser welding
            "demo-demand-04", "demo-person-huang-siyuan",  // automated driving
            "demo-demand-08", "demo-person-he-jianing",    // electronic-grade phosphoric acid
            "demo-demand-12", "demo-person-wu-jingyi",     // antibody drugs
            "demo-demand-14", "demo-person-lin-xiaofeng",  // BeiDou positioning
            "demo-demand-16", "demo-person-zheng-guohua"); // PEM electrolysers

    @Autowired
    ApplicationContext spring;
    @Autowired
    IndexMaintenance maintenance;
    @Autowired
    MatchService matching;
    @Autowired
    DemandService demands;
    @Autowired
    org.triplehelix.matching.demand.DemandFits fits;

    @BeforeAll
    void importTheIllustrativeDemo() throws Exception {
        IllustrativeDemo.load(spring, maintenance);
    }

    private static List<String> demoDemands() {
        return IntStream.rangeClosed(1, 18).mapToObj("demo-demand-%02d"::formatted).toList();
    }

    private MatchResult whoCouldSolve(String demand, EntityKind target) {
        Demand d = demands.get(demand);
        assertThat(d.illustrative()).as("%s is flagged illustrative", demand).isTrue();
        return matching.match(new MatchRequest(d.matchText(), target, 20, SearchFilter.NONE, false));
    }

    @Test
    void noIllustrativeDemandMatchesAnyoneOnTheLabel() {
        for (String demand : demoDemands()) {
            for (EntityKind target : List.of(EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.FACILITY)) {
                for (MatchHit hit : whoCouldSolve(demand, target).hits()) {
                    assertThat(hit.reasons().matchedTerms()).as("%s → %s %s", demand, target, hit.extId())
                            .noneMatch(term -> term.contains("示例") || term.toLowerCase(java.util.Locale.ROOT).contains("illustrative"));
                }
            }
        }
    }

    @Test
    void eachDemandStillFindsTheExpertItWasWrittenFor() {
        // the first of the demo's experts (the test database may hold other tests' experts of the same field)
        ANSWERED_BY.forEach((demand, expert) ->
                assertThat(whoCouldSolve(demand, EntityKind.PERSON).hits()).extracting(MatchHit::extId).as(demand)
                        .filteredOn(id -> id.startsWith("demo-")).first().isEqualTo(expert));
    }

    /**
     * A record of the demo's illustrative file (src/main/resources/demo/illustrative.jsonl), whose texts carry the label.
     * Not other tests' records in the shared test database that happen to start "demo-" (the demo loader's 示例实验室,
     * the facility demo's 示例型号 instruments): there 示例 is a word of the text, not the label.
     */
    private static boolean fromTheDemoFile(String extId) {
        return DEMO_FILE_IDS.contains(extId);
    }

    private static final java.util.Set<String> DEMO_FILE_IDS = demoFileIds();

    private static java.util.Set<String> demoFileIds() {
        try (var in = new org.springframework.core.io.ClassPathResource("demo/illustrative.jsonl").getInputStream()) {
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            java.util.Set<String> ids = new java.util.HashSet<>();
            while (id.find()) {
                ids.add(id.group(1));
            }
            return ids;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theLabelAloneFindsNoIllustrativeRecord() {
        assertThat(DEMO_FILE_IDS).contains("demo-demand-01", "demo-person-chen-qiming", "demo-hblab-optoelectronics");
        // (not 示例数据: 数据, data, is a real research topic of the remote-sensing expert)
        for (String label : List.of("示例", "（示例）", "illustrative", "Illustrative:")) {
            for (EntityKind target : List.of(EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.OUTPUT, EntityKind.FACILITY,
                    EntityKind.DEMAND)) {
                // the lexical ranking alone (no vector), as the engine reads the index
                assertThat(matching.rank(new MatchRequest(label, target, 20, SearchFilter.NONE, false), null))
                        .as("%s among %s", label, target).extracting(MatchService.Ranked::extId)
                        .noneMatch(IllustrativeMatchingIntegrationTests::fromTheDemoFile);
            }
        }
    }

    @Test
    void aProfileShowsTheDemandsThatFitItAndNoneWhenNoneDoes() {
        assertThat(fits.of(EntityKind.PERSON, "demo-person-chen-qiming", 5, false).hits()).extracting(MatchHit::extId)
                .first().isEqualTo("demo-demand-01");
        // a long title shares too little with the profile for the coverage bar: the enterprise's keyword 抗体药物 is the evidence
        assertThat(fits.of(EntityKind.PERSON, "demo-person-wu-jingyi", 5, false).hits()).extracting(MatchHit::extId)
                .contains("demo-demand-12");
        assertThat(fits.of(EntityKind.ORGANIZATION, "demo-hblab-optoelectronics", 5, false).hits()).extracting(MatchHit::extId)
                .first().isEqualTo("demo-demand-01");
        // no demand is about rice breeding: the ranking still has its five, the profile shows none
        assertThat(matching.fits(EntityKind.PERSON, "demo-person-zhou-wenbo", 5, false).hits()).hasSize(5);
        MatchResult breeding = fits.of(EntityKind.PERSON, "demo-person-zhou-wenbo", 5, false);
        assertThat(breeding.hits()).isEmpty();
        assertThat(fits.of(EntityKind.PERSON, "demo-person-he-jianing", 5, false).hits()).extracting(MatchHit::rank)
                .as("ranked again from 1").startsWith(1, 2);
    }

    @Test
    void theHitsStillShowTheLabel() {
        MatchHit first = whoCouldSolve("demo-demand-01", EntityKind.PERSON).hits().getFirst();
        assertThat(first.nameZh()).isEqualTo("陈启明（示例）");
        assertThat(first.nameEn()).isEqualTo("Chen Qiming (illustrative)");
    }
}
