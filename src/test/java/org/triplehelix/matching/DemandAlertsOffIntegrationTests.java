package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.Role;
import org.triplehelix.shared.UserNotice;

/**
 * {@code helix.matching.alerts.persons=0} and {@code .organizations=0} switch demand alerts off: a
 * public demand that fits a linked expert tells nobody, and it is not marked as announced.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = {"helix.matching.alerts.persons=0", "helix.matching.alerts.organizations=0"})
class DemandAlertsOffIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndexMaintenance maintenance;
    @Autowired
    DemandService demands;
    @Autowired
    ApplicationContext context;
    @Autowired
    EventPublicationRegistry publications;

    @Test
    void alertsSwitchedOffTellNobody() {
        FixtureLoader.load(jdbc);
        maintenance.rebuild(Progress.NONE);
        AccessFixtures fixtures = AccessFixtures.of(context);
        Account author = fixtures.user(id("organization", "org-medical-ai"), Role.ENTERPRISE);
        Account liWei = fixtures.user(id("organization", "org-battery-lab"), id("person", "person-li-wei"), Role.RESEARCHER);
        Account labMember = fixtures.user(id("organization", "org-battery-lab"), Role.RESEARCHER);

        String extId = fixtures.as(author, () -> demands.post(new DemandDraft(null, "固态电解质电池的研发", null, "寻找固态电解质与电池界面的合作团队",
                null, List.of(), null, null, null, null, null, null, null, "public", null, List.of(), null))).extId();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                publications.findIncompletePublications().stream().noneMatch(p ->
                        p.getEvent() instanceof DemandService.DemandChanged changed && changed.extId().equals(extId)
                                || p.getEvent() instanceof UserNotice notice && notice.link().equals("/demands/" + extId)));

        assertThat(jdbc.sql("select count(*) from notification where link = :l").param("l", "/demands/" + extId).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from notification where user_id in (:u)").param("u", List.of(liWei.id(), labMember.id()))
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select alerted_at is null from demand where ext_id = :e").param("e", extId).query(Boolean.class).single())
                .as("not announced: switching alerts on later may still announce it when it is next written").isTrue();
        assertThat(fixtures.auditRows("demand", extId, "alert")).isZero();
        assertThat(fixtures.auditRows("demand", extId, "create")).isEqualTo(1);
    }

    private long id(String table, String extId) {
        return jdbc.sql("select id from " + table + " where ext_id = :e").param("e", extId).query(Long.class).single();
    }
}
