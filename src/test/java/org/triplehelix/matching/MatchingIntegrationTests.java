package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.registry.RegistryChanged;
import org.triplehelix.shared.InvalidInputException;

/**
 * Matching on the database: the index rebuilt from the registry, the batch run scored against the
 * fixture's judgements (pinned by expected-metrics.properties), change events reaching the index,
 * demands and the reverse match. The real model embeds here: it computes the vectors the unit tests
 * read from vectors.jsonl.
 */
@SpringBootTest
@ActiveProfiles("test")
class MatchingIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndexMaintenance maintenance;
    @Autowired
    MatchService matching;
    @Autowired
    BatchMatching batch;
    @Autowired
    DemandService demands;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;


    static final Authentication ALICE = new TestingAuthenticationToken("alice@example.org", "", "ROLE_USER");

    @BeforeEach
    void loadTheFixture() {
        FixtureLoader.load(jdbc);
        maintenance.rebuild(Progress.NONE);
        maintenance.embedMissing(Progress.NONE, 1);
    }

    @Test
    void theIndexHoldsTheRegistryWithItsVectors() {
        IndexStatus status = maintenance.status();
        assertThat(status.index().documents()).containsEntry(EntityKind.OUTPUT, 22L).containsEntry(EntityKind.PERSON, 11L)
                .containsEntry(EntityKind.ORGANIZATION, 7L).containsEntry(EntityKind.FACILITY, 3L);
        assertThat(status.database()).containsEntry(EntityKind.OUTPUT, 22L);
        assertThat(status.semanticPercent()).isEqualTo(100);
        assertThat(status.stale()).isFalse();
    }

    @Test
    void aBatchRunMeetsTheFixturesExpectedEffectiveness() throws Exception {
        Path queries = Path.of(getClass().getResource(Fixture.DIR + "queries.jsonl").toURI());
        Properties expected = new Properties();
        try (var in = getClass().getResourceAsStream(Fixture.DIR + "expected-metrics.properties")) {
            expected.load(in);
        }
        double tolerance = Double.parseDouble(expected.getProperty("tolerance"));
        for (String target : List.of("person", "organization")) {
            StringWriter run = new StringWriter();
            batch.run(batch.read(queries, EntityKind.of(target)), 100, "fixture", 2, run, Progress.NONE);
            assertThat(run.toString().lines().findFirst()).get().asString().matches("f1 Q0 \\S+ 1 \\d+\\.\\d{4} fixture");
            Path qrels = Path.of(getClass().getResource(Fixture.DIR + "qrels." + target + ".txt").toURI());
            Path runFile = Files.createTempFile("run", ".txt");
            Files.writeString(runFile, run.toString());
            RunEvaluation.Metrics metrics = RunEvaluation.evaluate(qrels, runFile);
            assertThat(metrics.ndcg10()).as(target + " nDCG@10").isCloseTo(Double.parseDouble(expected.getProperty(target + ".ndcg@10")),
                    org.assertj.core.api.Assertions.within(tolerance));
            assertThat(metrics.recall100()).as(target + " Recall@100").isCloseTo(Double.parseDouble(expected.getProperty(target + ".recall@100")),
                    org.assertj.core.api.Assertions.within(tolerance));
        }
    }

    @Test
    void everyHitSaysWhy() {
        MatchResult result = matching.match(MatchRequest.of("固态电解质电池的研发", EntityKind.PERSON, 3));
        MatchHit best = result.hits().getFirst();
        assertThat(best.extId()).isEqualTo("person-li-wei");
        assertThat(best.nameZh()).isEqualTo("李伟");
        assertThat(best.reasons().matchedTerms()).contains("固态电解质");
        assertThat(best.reasons().similarity()).isBetween(0.5, 1.0);
        assertThat(best.reasons().supports()).extracting(MatchHit.Support::extId).startsWith("out-02");
        assertThat(best.reasons().organization().type()).isEqualTo("provincial_laboratory");
        assertThat(best.reasons().sharedKeywords()).contains("固态电解质");
        assertThat(result.semantic()).isTrue();
    }

    @Test
    void aNewOutputIsFoundSecondsAfterItsChangeEvent() {
        transactions.executeWithoutResult(status -> {
            FixtureLoader.insertOutput(jdbc, Fixture.JSON.readTree("""
                    {"kind": "output", "id": "out-new", "type": "patent", "title": "钙钛矿太阳能电池的封装方法",
                     "people": ["person-xu-na"], "organizations": ["org-coast-univ"]}"""));
            events.publishEvent(new RegistryChanged("output", List.of("out-new")));
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(matching.rank(MatchRequest.of("钙钛矿太阳能电池", EntityKind.OUTPUT, 10)))
                        .extracting(MatchService.Ranked::extId).contains("out-new"));
        // its vector follows (the server's background worker does this by itself)
        maintenance.embedMissing(Progress.NONE, 1);
        assertThat(matching.rank(MatchRequest.of("钙钛矿太阳能电池", EntityKind.PERSON, 1)))
                .extracting(MatchService.Ranked::extId).containsExactly("person-xu-na");
    }

    @Test
    void demandsArePostedEditedClosedAndMatchedBothWays() {
        Demand posted = demands.post(new DemandDraft(null, "钠离子电池正极材料的量产工艺", null, "寻找钠离子电池层状氧化物正极的合作团队",
                null, List.of("钠离子电池", "正极材料"), "org-medical-ai", "新能源", "420100", null, null, 6, "joint_development",
                "public", null, List.of(), null), ALICE);
        assertThat(posted.extId()).startsWith("demand-");
        assertThat(posted.status()).isEqualTo(Demand.Status.OPEN);
        MatchResult solvers = matching.match(MatchRequest.of(posted.matchText(), EntityKind.PERSON, 1));
        assertThat(solvers.hits()).extracting(MatchHit::extId).containsExactly("person-zhang-min");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(matching.fits(EntityKind.PERSON, "person-zhang-min", 5, false).hits())
                        .extracting(MatchHit::extId).contains(posted.extId()));
        Demand closed = demands.close(posted.extId(), ALICE);
        assertThat(closed.status()).isEqualTo(Demand.Status.CLOSED);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(matching.fits(EntityKind.PERSON, "person-zhang-min", 5, false).hits())
                        .extracting(MatchHit::extId).doesNotContain(posted.extId()));
    }

    @Test
    void demandsAreValidated() {
        assertThatThrownBy(() -> demands.post(new DemandDraft(null, null, null, null, null, List.of(), null, null, null, null, null,
                null, null, null, null, List.of(), null), ALICE))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("title");
        assertThatThrownBy(() -> demands.post(new DemandDraft(null, "需求", null, null, null, List.of(), null, null, null, null, null,
                12, null, null, null, List.of(), null), ALICE))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("trl");
        assertThatThrownBy(() -> demands.post(new DemandDraft(null, "需求", null, null, null, List.of(), null, null, null,
                new java.math.BigDecimal("100"), new java.math.BigDecimal("10"), null, null, null, null, List.of(), null), ALICE))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("budgetMax");
        assertThatThrownBy(() -> demands.post(new DemandDraft(null, "需求", null, null, null, List.of(), "org-nowhere", null, null, null,
                null, null, null, null, null, List.of(), null), ALICE))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("organization");
        assertThatThrownBy(() -> demands.post(new DemandDraft(null, "需求", null, null, null, List.of(), null, null, null, null, null,
                null, null, null, null, List.of(), null), null))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aHiddenDemandDoesNotExistForOthers() {
        Demand mine = demands.post(new DemandDraft(null, "保密需求", null, null, null, List.of(), null, null, null, null, null, null, null,
                "parties", null, List.of(), null), ALICE);
        assertThat(demands.get(mine.extId(), ALICE).title()).isEqualTo("保密需求");
        Authentication bob = new TestingAuthenticationToken("bob@example.org", "", "ROLE_USER");
        assertThatThrownBy(() -> demands.get(mine.extId(), bob)).isInstanceOf(org.triplehelix.shared.NotFoundException.class);
        assertThat(demands.list(null, 0, 10, null).items()).extracting(Demand::extId).doesNotContain(mine.extId());
        assertThatThrownBy(() -> demands.edit(mine.extId(), DemandDraft.of(mine), bob)).isInstanceOf(org.triplehelix.shared.NotFoundException.class);
    }

    @Test
    void demandRecordsAreImported() {
        List<DemandService.ImportFailure> failures = demands.importBatch(List.of(
                new DemandService.Imported("demand-import-1", Fixture.JSON.readTree("""
                        {"title": {"zh": "光纤激光器的散热", "en": "Cooling of fiber lasers"}, "keywords": ["光纤激光器"],
                         "organization": "org-medical-ai", "region": "420100"}""")),
                new DemandService.Imported("demand-import-2", Fixture.JSON.readTree("{\"description\": \"没有标题\"}")),
                new DemandService.Imported("demand-import-3", Fixture.JSON.readTree("{\"title\": \"x\", \"organization\": \"org-nowhere\"}"))));
        assertThat(failures).extracting(DemandService.ImportFailure::extId).containsExactly("demand-import-2", "demand-import-3");
        Demand imported = demands.get("demand-import-1", null);
        assertThat(imported.titleEn()).isEqualTo("Cooling of fiber lasers");
        assertThat(imported.organizationName()).isEqualTo("汉江智能医疗科技有限公司");
        demands.importBatch(List.of(new DemandService.Imported("demand-import-1", Fixture.JSON.readTree("{\"title\": \"光纤激光器的散热结构\"}"))));
        assertThat(demands.get("demand-import-1", null).title()).isEqualTo("光纤激光器的散热结构");
        assertThat(demands.list(null, 0, 100, null).items()).extracting(Demand::extId).containsOnlyOnce("demand-import-1");
    }

    @Test
    void aStaleEditIsAConflict() {
        Demand posted = demands.post(new DemandDraft(null, "需求甲", null, null, null, List.of(), null, null, null, null, null, null,
                null, null, null, List.of(), null), ALICE);
        DemandDraft draft = DemandDraft.of(posted);
        demands.edit(posted.extId(), draft, ALICE);
        assertThatThrownBy(() -> demands.edit(posted.extId(), draft, ALICE)).isInstanceOf(org.triplehelix.shared.ConflictException.class);
        assertThat(demands.get(posted.extId(), ALICE).version()).isEqualTo(1);
        assertThat(Map.of("v", demands.get(posted.extId(), null).version())).containsEntry("v", 1);
    }
}
