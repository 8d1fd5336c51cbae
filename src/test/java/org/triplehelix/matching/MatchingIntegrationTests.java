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


    @BeforeEach
    void loadTheFixture() {
        FixtureLoader.load(jdbc);
        maintenance.rebuild(Progress.NONE);
        maintenance.embedMissing(Progress.NONE, 1);
    }

    @Test
    void theIndexHoldsTheRegistryWithItsVectors() {
        IndexStatus status = maintenance.status();
        assertThat(status.index().documents()).containsEntry(EntityKind.OUTPUT, 30L).containsEntry(EntityKind.PERSON, 13L)
                .containsEntry(EntityKind.ORGANIZATION, 9L).containsEntry(EntityKind.FACILITY, 3L);
        assertThat(status.database()).containsEntry(EntityKind.OUTPUT, 30L);
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
            batch.run(BatchMatching.read(queries, EntityKind.of(target)), 100, "fixture", 2, run, Progress.NONE);
            assertThat(run.toString().lines().findFirst()).get().asString().matches("f1 Q0 \\S+ 1 \\d+\\.\\d{4} fixture");
            Path qrels = Path.of(getClass().getResource(Fixture.DIR + "qrels." + target + ".txt").toURI());
            Path runFile = Files.createTempFile("run", ".txt");
            Files.writeString(runFile, run.toString());
            RunEvaluation.Metrics metrics;
            try {
                metrics = RunEvaluation.evaluate(qrels, runFile);
            } finally {
                Files.delete(runFile);
            }
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
        assertThat(best.reasons().supports()).extracting(MatchHit.Support::extId).startsWith("out-01");
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
}
