package org.triplehelix.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.Account;
import org.triplehelix.access.Role;

/**
 * The challenge module's indicator files (see INDICATORS.md): the statements run against fixture
 * challenges, and for those records give exactly what the fixtures say, counted here in Java.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChallengeIndicatorsIntegrationTests {

    static final Set<String> COLUMNS = Set.of("record_id", "record_kind", "label_zh", "label_en", "href", "region_code", "tier",
            "industry_code", "industry_group", "year", "category", "weight");

    @Autowired
    ApplicationContext context;

    ChallengeFixtures f;
    final Map<String, String> statusOf = new LinkedHashMap<>();      // fixture challenge → expected category
    final Map<String, String> consortia = new HashMap<>();            // expected consortium record → category
    String draft;

    @BeforeAll
    void fixtures() {
        f = ChallengeFixtures.of(context);
        long enterprise = f.organization("Indicator Enterprise", "enterprise", null);
        long university = f.organization("Indicator University", "university", null);
        long otherEnterprise = f.organization("Indicator Partner Ltd", "enterprise", null);
        Account enterpriseUser = f.access.user(enterprise, Role.ENTERPRISE);
        Account universityUser = f.access.user(university, Role.RESEARCHER);
        draft = f.system(() -> f.challenges.create(ChallengeFixtures.draft("指标草稿", "any")).extId());
        String open = f.published("指标揭榜中", "any");
        statusOf.put(open, "published");
        String sponsored = f.as(enterpriseUser, () -> f.challenges.create(ChallengeFixtures.draft("企业出题", "any")).extId());
        f.system(() -> f.challenges.perform(sponsored, ChallengeAction.PUBLISH));
        f.system(() -> f.challenges.perform(sponsored, ChallengeAction.CLOSE));
        statusOf.put(sponsored, "closed");
        // awarded to a university-led consortium with an enterprise partner: a collaboration
        String joint = f.published("联合攻关", "any");
        long jointApplication = f.as(universityUser, () -> f.applications.apply(joint,
                ChallengeFixtures.application("plan", List.of(f.extIdOfOrganization(otherEnterprise)), List.of()))).id();
        award(joint, jointApplication);
        statusOf.put(joint, "awarded");
        consortia.put("consortium-" + jointApplication, "academic");
        // awarded to an enterprise alone: no collaboration
        String alone = f.published("企业独立攻关", "any");
        long aloneApplication = f.as(enterpriseUser, () -> f.applications.apply(alone, ChallengeFixtures.application("plan", List.of(), List.of()))).id();
        award(alone, aloneApplication);
        f.system(() -> f.challenges.perform(alone, ChallengeAction.START));
        statusOf.put(alone, "in_progress");
    }

    private void award(String extId, long application) {
        f.system(() -> {
            f.challenges.perform(extId, ChallengeAction.START_REVIEW);
            f.reviews.award(extId, ChallengeFixtures.award(application));
        });
    }

    @Test
    void byStatusCountsEveryPublishedChallengeOnceWithItsStatus() throws IOException {
        List<Map<String, Object>> rows = run("challenge.by-status");
        Map<String, Object> found = rows.stream().filter(r -> statusOf.containsKey((String) r.get("record_id")) || draft.equals(r.get("record_id")))
                .collect(Collectors.toMap(r -> (String) r.get("record_id"), r -> r.get("category")));
        assertThat(found).isEqualTo(new HashMap<>(statusOf));
        assertThat(rows.stream().map(r -> r.get("record_id")).distinct().count()).isEqualTo(rows.size());
        Map<String, Object> one = rows.stream().filter(r -> statusOf.containsKey((String) r.get("record_id"))).findFirst().orElseThrow();
        assertThat(one.get("industry_code")).isEqualTo("ind-optoelectronics");
        assertThat(one.get("href")).isEqualTo("/challenges/" + one.get("record_id"));
    }

    @Test
    void consortiaCountsOnlyAwardedEnterpriseAndAcademicConsortia() throws IOException {
        List<Map<String, Object>> rows = run("challenge.consortia");
        Set<String> fixtureRecords = f.jdbc.sql("""
                        select 'consortium-' || a.id from challenge_application a join challenge c on c.id = a.challenge_id
                        where c.ext_id = any(:ids)
                        """).param("ids", statusOf.keySet().toArray(String[]::new)).query(String.class).set();
        Map<String, Object> found = rows.stream().filter(r -> fixtureRecords.contains((String) r.get("record_id")))
                .collect(Collectors.toMap(r -> (String) r.get("record_id"), r -> r.get("category")));
        assertThat(found).isEqualTo(new HashMap<>(consortia));
    }

    /** Checks the header the insight module needs and runs the statement. */
    private List<Map<String, Object>> run(String code) throws IOException {
        String file = new ClassPathResource("indicators/" + code + ".sql").getContentAsString(StandardCharsets.UTF_8);
        Map<String, String> header = new HashMap<>();
        StringBuilder statement = new StringBuilder();
        for (String line : file.split("\n")) {
            if (line.startsWith("-- ") && statement.isEmpty()) {
                int colon = line.indexOf(':');
                header.put(line.substring(3, colon).strip(), line.substring(colon + 1).strip());
            } else {
                statement.append(line).append('\n');
            }
        }
        assertThat(header).containsEntry("code", code).containsEntry("module", "challenge")
                .containsKeys("name.zh", "name.en", "definition.zh", "definition.en", "unit.zh", "unit.en", "breakdowns", "category.zh", "category.en");
        assertThat(statement.toString().strip()).doesNotEndWith(";").doesNotContain("--");
        List<Map<String, Object>> rows = f.jdbc.sql(statement.toString()).query().listOfRows();
        rows.forEach(row -> assertThat(row.keySet()).containsExactlyInAnyOrderElementsOf(COLUMNS));
        return rows;
    }
}
