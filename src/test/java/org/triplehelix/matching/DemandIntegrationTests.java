package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.Role;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;

/**
 * Demands in the service layer, with real accounts: who posts (enterprise users and administrators,
 * for their own organization), who sees (by visibility, as SQL parameters of the caller's scope),
 * who changes (the author, the enterprise's users, administrators), and the reverse match.
 */
@SpringBootTest
@ActiveProfiles("test")
class DemandIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndexMaintenance maintenance;
    @Autowired
    MatchService matching;
    @Autowired
    DemandService demands;
    @Autowired
    ApplicationContext context;

    AccessFixtures fixtures;
    Account alice;        // ENTERPRISE of the enterprise org-medical-ai
    Account colleague;    // ENTERPRISE of the same enterprise
    Account bob;          // ENTERPRISE of another organization
    Account partyMember;  // RESEARCHER of org-optics-univ, a party of alice's private demand
    Account researcher;   // RESEARCHER of org-battery-lab
    Account admin;

    @BeforeEach
    void loadTheFixtureAndAccounts() {
        FixtureLoader.load(jdbc);
        maintenance.rebuild(Progress.NONE);
        maintenance.embedMissing(Progress.NONE, 1);
        fixtures = AccessFixtures.of(context);
        alice = fixtures.user(organization("org-medical-ai"), Role.ENTERPRISE);
        colleague = fixtures.user(organization("org-medical-ai"), Role.ENTERPRISE);
        bob = fixtures.user(organization("org-bridge-inst"), Role.ENTERPRISE);
        partyMember = fixtures.user(organization("org-optics-univ"), Role.RESEARCHER);
        researcher = fixtures.user(organization("org-battery-lab"), Role.RESEARCHER);
        admin = fixtures.user(null, Role.ADMIN);
    }

    private long organization(String extId) {
        return jdbc.sql("select id from organization where ext_id = :id").param("id", extId).query(Long.class).single();
    }

    private <T> T as(Account account, Supplier<T> work) {
        return fixtures.as(account, work);
    }

    private static DemandDraft draft(String title, String organization, String visibility, List<String> parties) {
        return new DemandDraft(null, title, null, null, null, List.of(), organization, null, null, null, null, null, null,
                visibility, null, parties, null);
    }

    @Test
    void demandsArePostedEditedClosedAndMatchedBothWays() {
        Demand posted = as(alice, () -> demands.post(new DemandDraft(null, "钠离子电池正极材料的量产工艺", null,
                "寻找钠离子电池层状氧化物正极的合作团队", null, List.of("钠离子电池", "正极材料"), "org-medical-ai", "新能源", "420100",
                null, null, 6, "joint_development", "public", null, List.of(), null)));
        assertThat(posted.extId()).startsWith("demand-");
        assertThat(posted.status()).isEqualTo(Demand.Status.OPEN);
        assertThat(posted.createdBy()).isEqualTo(alice.email());
        assertThat(fixtures.auditRows("demand", posted.extId(), "create")).isEqualTo(1);
        MatchResult solvers = matching.match(MatchRequest.of(posted.matchText(), EntityKind.PERSON, 1));
        assertThat(solvers.hits()).extracting(MatchHit::extId).containsExactly("person-zhang-min");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(matching.fits(EntityKind.PERSON, "person-zhang-min", 5, false).hits())
                        .extracting(MatchHit::extId).contains(posted.extId()));
        Demand closed = as(alice, () -> demands.close(posted.extId()));
        assertThat(closed.status()).isEqualTo(Demand.Status.CLOSED);
        assertThat(fixtures.auditRows("demand", posted.extId(), "update")).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(matching.fits(EntityKind.PERSON, "person-zhang-min", 5, false).hits())
                        .extracting(MatchHit::extId).doesNotContain(posted.extId()));
    }

    @Test
    void demandsAreValidated() {
        assertThatThrownBy(() -> as(alice, () -> demands.post(draft(null, null, null, List.of()))))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("title");
        assertThatThrownBy(() -> as(alice, () -> demands.post(new DemandDraft(null, "需求", null, null, null, List.of(), null, null, null,
                null, null, 12, null, null, null, List.of(), null))))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("trl");
        assertThatThrownBy(() -> as(alice, () -> demands.post(new DemandDraft(null, "需求", null, null, null, List.of(), null, null, null,
                new java.math.BigDecimal("100"), new java.math.BigDecimal("10"), null, null, null, null, List.of(), null))))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("budgetMax");
        assertThatThrownBy(() -> as(alice, () -> demands.post(draft("需求", "org-nowhere", null, List.of()))))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("organization");
        assertThatThrownBy(() -> as(alice, () -> demands.post(draft("需求", null, "parties", List.of("org-nowhere")))))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("parties");
    }

    @Test
    void onlyEnterpriseUsersAndAdministratorsPostAndOnlyForTheirOwnOrganization() {
        assertThatThrownBy(() -> demands.post(draft("匿名需求", null, null, List.of()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(researcher, () -> demands.post(draft("研究人员的需求", null, null, List.of()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(bob, () -> demands.post(draft("替别人发布", "org-medical-ai", null, List.of()))))
                .isInstanceOf(AccessDeniedException.class);
        Demand own = as(bob, () -> demands.post(draft("桥梁健康监测", null, null, List.of())));
        assertThat(own.organization()).as("a demand without an organization is the poster's").isEqualTo("org-bridge-inst");
        Demand forAnother = as(admin, () -> demands.post(draft("厅里代发的需求", "org-medical-ai", null, List.of())));
        assertThat(forAnother.organization()).isEqualTo("org-medical-ai");
        assertThatThrownBy(() -> as(bob, () -> demands.edit(own.extId(), withOrganization(DemandDraft.of(own), "org-medical-ai"))))
                .as("moving a demand to another organization").isInstanceOf(AccessDeniedException.class);
    }

    private static DemandDraft withOrganization(DemandDraft d, String organization) {
        return new DemandDraft(d.extId(), d.titleZh(), d.titleEn(), d.descriptionZh(), d.descriptionEn(), d.keywords(), organization,
                d.industry(), d.region(), d.budgetMin(), d.budgetMax(), d.trl(), d.ipStance(), d.visibility(), d.deadline(), d.parties(),
                d.version());
    }

    @Test
    void aDemandShownToPartiesDoesNotExistForOthers() {
        Demand secret = as(alice, () -> demands.post(draft("保密需求", null, "parties", List.of("org-optics-univ"))));
        for (Account allowed : List.of(alice, colleague, partyMember, admin)) {
            assertThat(as(allowed, () -> demands.get(secret.extId())).title()).as(allowed.email()).isEqualTo("保密需求");
            assertThat(as(allowed, () -> demands.list(null, 0, 100).items())).extracting(Demand::extId).contains(secret.extId());
        }
        for (Account other : List.of(bob, researcher)) {
            assertThatThrownBy(() -> as(other, () -> demands.get(secret.extId()))).as(other.email()).isInstanceOf(NotFoundException.class);
            assertThat(as(other, () -> demands.list(null, 0, 100).items())).extracting(Demand::extId).doesNotContain(secret.extId());
            assertThatThrownBy(() -> as(other, () -> demands.edit(secret.extId(), DemandDraft.of(secret))))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> demands.get(secret.extId())).isInstanceOf(NotFoundException.class);
        assertThat(demands.list(null, 0, 100).items()).extracting(Demand::extId).doesNotContain(secret.extId());
    }

    @Test
    void aDemandForSignedInUsersIsHiddenFromVisitors() {
        Demand members = as(alice, () -> demands.post(draft("会员可见的需求", null, "signed_in", List.of())));
        assertThat(as(researcher, () -> demands.get(members.extId())).title()).isEqualTo("会员可见的需求");
        assertThatThrownBy(() -> demands.get(members.extId())).isInstanceOf(NotFoundException.class);
        assertThat(demands.list(null, 0, 100).items()).extracting(Demand::extId).doesNotContain(members.extId());
    }

    @Test
    void theAuthorTheEnterpriseAndAdministratorsChangeADemandNobodyElse() {
        Demand posted = as(alice, () -> demands.post(draft("需求乙", null, null, List.of())));
        Demand edited = as(colleague, () -> demands.edit(posted.extId(), DemandDraft.of(posted)));
        assertThat(edited.version()).isEqualTo(1);
        assertThat(as(admin, () -> demands.close(posted.extId())).status()).isEqualTo(Demand.Status.CLOSED);
        for (Account other : List.of(bob, partyMember, researcher)) {
            assertThat(as(other, () -> demands.canChange(demands.get(posted.extId())))).isFalse();
            assertThatThrownBy(() -> as(other, () -> demands.reopen(posted.extId()))).as(other.email())
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> demands.reopen(posted.extId())).as("anonymous").isInstanceOf(AccessDeniedException.class);
        as(alice, () -> {
            demands.delete(posted.extId());
            return null;
        });
        assertThat(fixtures.auditRows("demand", posted.extId(), "delete")).isEqualTo(1);
    }

    @Test
    void anImportedDemandRecordIsRefusedWithItsFieldAndKeyAndOneTheDatabaseCouldNotStoreDoesNotStopTheBatch() {
        List<DemandService.ImportFailure> failures = demands.importBatch(List.of(
                new DemandService.Imported("demand-import-nul", Fixture.JSON.readTree("{\"title\": \"散热\\u0000结构\"}")),
                new DemandService.Imported("demand-import-nul-keyword", Fixture.JSON.readTree("{\"title\": \"散热\", \"keywords\": [\"a\\u0000b\"]}")),
                new DemandService.Imported("demand-import-nowhere", Fixture.JSON.readTree("{\"title\": \"x\", \"organization\": \"org-nowhere\"}")),
                new DemandService.Imported("demand-import-after-nul", Fixture.JSON.readTree("{\"title\": \"光纤激光器的封装\"}")))).failures();
        assertThat(failures).extracting(DemandService.ImportFailure::extId, DemandService.ImportFailure::field, DemandService.ImportFailure::key,
                        DemandService.ImportFailure::args, DemandService.ImportFailure::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("demand-import-nul", "titleZh", "matching.demand.error.nul", List.of(),
                                "titleZh: contains a NUL character, which cannot be stored"),
                        org.assertj.core.groups.Tuple.tuple("demand-import-nul-keyword", "keywords", "matching.demand.error.nul", List.of(),
                                "keywords: contains a NUL character, which cannot be stored"),
                        org.assertj.core.groups.Tuple.tuple("demand-import-nowhere", "organization", "matching.demand.error.noOrganization",
                                List.of("org-nowhere"), "organization: no organization org-nowhere"));
        assertThat(demands.get("demand-import-after-nul").title()).isEqualTo("光纤激光器的封装");
    }

    /**
     * A keyword holding a line break (the demand form shows them one a line, and would give it back as two) is refused from
     * the API's draft and from an import, naming its place in the list; the demand keeps the rest of its rules.
     */
    @Test
    void aKeywordHoldingALineBreakIsRefusedNamingItsPlace() {
        DemandDraft broken = new DemandDraft(null, "钠离子电池的换行关键词", null, null, null, List.of("钠离子电池", "正极", "层状\r\n氧化物"),
                "org-medical-ai", null, null, null, null, null, null, "public", null, List.of(), null);
        assertThatThrownBy(() -> as(alice, () -> demands.post(broken))).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("keywords[2]");
            assertThat(e.key()).isEqualTo("input.itemLineBreak");
            assertThat(e.getMessage()).isEqualTo("keywords[2] holds a line break: an item of a list is one line");
        });
        assertThat(jdbc.sql("select count(*) from demand where title_zh = '钠离子电池的换行关键词'").query(Long.class).single()).isZero();

        List<DemandService.ImportFailure> failures = demands.importBatch(List.of(
                new DemandService.Imported("demand-import-line-break", Fixture.JSON.readTree("{\"title\": \"散热\", \"keywords\": [\"散热\\u2028结构\"]}")),
                new DemandService.Imported("demand-import-comma", Fixture.JSON.readTree("{\"title\": \"散热\", \"keywords\": [\"散热,结构\"]}")))).failures();
        assertThat(failures).extracting(DemandService.ImportFailure::extId, DemandService.ImportFailure::field, DemandService.ImportFailure::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("demand-import-line-break", "keywords[0]", "input.itemLineBreak"));
        assertThat(demands.get("demand-import-comma").keywords()).containsExactly("散热,结构");
    }

    @Test
    void aRecordTheDatabaseRefusesIsRejectedAloneTheRestOfTheBatchKept() {
        // a rule of the database the service's checks do not know (as a DBA's constraint would be): a real refusal
        jdbc.sql("""
                create function refuse_forbidden_demand() returns trigger language plpgsql as $$
                begin
                    if new.title_zh = '被数据库拒绝的需求' then raise exception 'demand title forbidden by a site rule'; end if;
                    return new;
                end $$""").update();
        jdbc.sql("create trigger refuse_forbidden_demand before insert on demand for each row execute function refuse_forbidden_demand()").update();
        try {
            List<DemandService.ImportFailure> failures = demands.importBatch(List.of(
                    new DemandService.Imported("demand-db-before", Fixture.JSON.readTree("{\"title\": \"数据库之前的需求\"}")),
                    new DemandService.Imported("demand-db-refused", Fixture.JSON.readTree("{\"title\": \"被数据库拒绝的需求\"}")),
                    new DemandService.Imported("demand-db-after", Fixture.JSON.readTree("{\"title\": \"数据库之后的需求\"}")))).failures();
            assertThat(failures).singleElement().satisfies(failure -> {
                assertThat(failure.extId()).isEqualTo("demand-db-refused");
                assertThat(failure.key()).isEqualTo("matching.demand.error.database");
                assertThat(failure.detail()).contains("demand title forbidden by a site rule");
                assertThat(failure.reason()).startsWith("the database refused the record: ").contains("forbidden by a site rule");
            });
            assertThat(demands.get("demand-db-before").title()).isEqualTo("数据库之前的需求");
            assertThat(demands.get("demand-db-after").title()).isEqualTo("数据库之后的需求");
            assertThat(jdbc.sql("select count(*) from demand where ext_id = 'demand-db-refused'").query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("drop trigger refuse_forbidden_demand on demand").update();
            jdbc.sql("drop function refuse_forbidden_demand()").update();
        }
    }

    /**
     * An import says what each record did, for the summary's "new, changed, unchanged": a record whose fields are
     * those stored writes nothing (the version stays, no alert, no index update), one that differs replaces them.
     */
    @Test
    void anImportedDemandIsCreatedThenUnchangedThenReplaced() {
        String record = """
                {"title": {"zh": "碳化硅晶圆的缺陷检测", "en": "Defect inspection of SiC wafers"}, "keywords": ["碳化硅", "缺陷检测"],
                 "description": "  晶圆级  ", "organization": "org-medical-ai", "industry": "semiconductors", "region": "420100"}""";
        DemandService.ImportResult first = demands.importBatch(List.of(new DemandService.Imported("demand-import-same", Fixture.JSON.readTree(record))));
        assertThat(first.failures()).isEmpty();
        assertThat(first.changes()).containsExactly(java.util.Map.entry("demand-import-same", DemandService.ImportChange.CREATED));
        int version = demands.get("demand-import-same").version();

        DemandService.ImportResult again = demands.importBatch(List.of(new DemandService.Imported("demand-import-same", Fixture.JSON.readTree(record))));
        assertThat(again.changes()).containsExactly(java.util.Map.entry("demand-import-same", DemandService.ImportChange.UNCHANGED));
        assertThat(demands.get("demand-import-same").version()).isEqualTo(version);

        DemandService.ImportResult changed = demands.importBatch(List.of(new DemandService.Imported("demand-import-same",
                Fixture.JSON.readTree(record.replace("\"缺陷检测\"]", "\"缺陷检测\", \"光学检测\"]")))));
        assertThat(changed.changes()).containsExactly(java.util.Map.entry("demand-import-same", DemandService.ImportChange.REPLACED));
        assertThat(demands.get("demand-import-same").keywords()).containsExactly("碳化硅", "缺陷检测", "光学检测");
        assertThat(demands.get("demand-import-same").version()).isGreaterThan(version);
    }

    @Test
    void demandRecordsAreImported() {
        List<DemandService.ImportFailure> failures = demands.importBatch(List.of(
                new DemandService.Imported("demand-import-1", Fixture.JSON.readTree("""
                        {"title": {"zh": "光纤激光器的散热", "en": "Cooling of fiber lasers"}, "keywords": ["光纤激光器"],
                         "organization": "org-medical-ai", "region": "420100"}""")),
                new DemandService.Imported("demand-import-2", Fixture.JSON.readTree("{\"description\": \"没有标题\"}")),
                new DemandService.Imported("demand-import-3", Fixture.JSON.readTree("{\"title\": \"x\", \"organization\": \"org-nowhere\"}")))).failures();
        assertThat(failures).extracting(DemandService.ImportFailure::extId).containsExactly("demand-import-2", "demand-import-3");
        Demand imported = demands.get("demand-import-1");
        assertThat(imported.titleEn()).isEqualTo("Cooling of fiber lasers");
        assertThat(imported.organizationName()).isEqualTo("汉江智能医疗科技有限公司");
        assertThat(as(alice, () -> demands.canChange(demands.get("demand-import-1")))).as("the enterprise's users maintain it").isTrue();
        DemandService.ImportResult replaced = demands.importBatch(List.of(
                new DemandService.Imported("demand-import-1", Fixture.JSON.readTree("{\"title\": \"光纤激光器的散热结构\"}"))));
        assertThat(replaced.changes()).containsExactly(java.util.Map.entry("demand-import-1", DemandService.ImportChange.REPLACED));
        assertThat(demands.get("demand-import-1").title()).isEqualTo("光纤激光器的散热结构");
        assertThat(demands.list(null, 0, 100).items()).extracting(Demand::extId).containsOnlyOnce("demand-import-1");
    }

    /**
     * A field of the wrong type (INTERCHANGE.md: "a wrong type … is rejected with its … reason") is refused naming it: a list
     * where a text belongs used to stop the whole import with Jackson's error, and a keyword string was stored as no keywords.
     */
    @Test
    void anImportedRecordWithAFieldOfTheWrongTypeIsRefusedNamingItAndTheBatchGoesOn() {
        DemandService.ImportResult result = demands.importBatch(List.of(
                new DemandService.Imported("demand-type-title", Fixture.JSON.readTree("{\"title\": [\"散热\"]}")),
                new DemandService.Imported("demand-type-title-en", Fixture.JSON.readTree("{\"title\": {\"zh\": \"散热\", \"en\": [\"x\"]}}")),
                new DemandService.Imported("demand-type-title-number", Fixture.JSON.readTree("{\"title\": 42}")),
                new DemandService.Imported("demand-type-description", Fixture.JSON.readTree("{\"title\": \"散热\", \"description\": {\"zh\": 1}}")),
                new DemandService.Imported("demand-type-keywords", Fixture.JSON.readTree("{\"title\": \"散热\", \"keywords\": \"钠电池, 正极\"}")),
                new DemandService.Imported("demand-type-keyword", Fixture.JSON.readTree("{\"title\": \"散热\", \"keywords\": [{\"a\": 1}]}")),
                new DemandService.Imported("demand-type-organization", Fixture.JSON.readTree("{\"title\": \"散热\", \"organization\": {\"id\": \"org-medical-ai\"}}")),
                new DemandService.Imported("demand-type-industry", Fixture.JSON.readTree("{\"title\": \"散热\", \"industry\": [\"新能源\"]}")),
                new DemandService.Imported("demand-type-fine", Fixture.JSON.readTree(
                        "{\"title\": \"钠电池正极的散热\", \"keywords\": [\"钠电池\", 2026], \"region\": 420100}"))));
        assertThat(result.failures()).extracting(DemandService.ImportFailure::extId, DemandService.ImportFailure::field,
                        DemandService.ImportFailure::key, DemandService.ImportFailure::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("demand-type-title", "title", "matching.demand.error.notText",
                                "title: title must be a string or an object {\"zh\", \"en\"}, not a list"),
                        org.assertj.core.groups.Tuple.tuple("demand-type-title-en", "title", "matching.demand.error.notText",
                                "title: title.en must be a string, not a list"),
                        org.assertj.core.groups.Tuple.tuple("demand-type-title-number", "title", "matching.demand.error.notText",
                                "title: title must be a string or an object {\"zh\", \"en\"}, not a number"),
                        org.assertj.core.groups.Tuple.tuple("demand-type-description", "description", "matching.demand.error.notText",
                                "description: description.zh must be a string, not a number"),
                        org.assertj.core.groups.Tuple.tuple("demand-type-keywords", "keywords", "matching.demand.error.notList",
                                "keywords: keywords must be a list of strings, not a string"),
                        org.assertj.core.groups.Tuple.tuple("demand-type-keyword", "keywords", "matching.demand.error.notList",
                                "keywords: keywords must be a list of strings, not of an object"),
                        org.assertj.core.groups.Tuple.tuple("demand-type-organization", "organization", "matching.demand.error.notString",
                                "organization: organization must be a string, not an object"),
                        org.assertj.core.groups.Tuple.tuple("demand-type-industry", "industry", "matching.demand.error.notString",
                                "industry: industry must be a string, not a list"));
        assertThat(result.changes()).containsOnlyKeys("demand-type-fine");
        Demand fine = demands.get("demand-type-fine");
        assertThat(fine.keywords()).containsExactly("钠电池", "2026");
        assertThat(fine.region()).isEqualTo("420100");
        assertThat(jdbc.sql("select count(*) from demand where ext_id like 'demand-type-%'").query(Long.class).single()).isEqualTo(1);
    }

    /** PUT is the whole demand, but one that leaves the visibility out must not make a demand for its parties public. */
    @Test
    void anEditThatNamesNoVisibilityKeepsTheDemandsOwn() {
        Demand hidden = as(alice, () -> demands.post(draft("保密的电池热失控需求", null, "parties", List.of("org-optics-univ"))));
        Demand edited = as(alice, () -> demands.edit(hidden.extId(), new DemandDraft(null, "保密的电池热失控需求（修订）", null, null, null,
                List.of(), null, null, null, null, null, null, null, null, null, List.of("org-optics-univ"), hidden.version())));
        assertThat(edited.visibility()).isEqualTo(Demand.Visibility.PARTIES);
        assertThatThrownBy(() -> as(bob, () -> demands.get(hidden.extId()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> demands.get(hidden.extId())).isInstanceOf(NotFoundException.class);
        // naming one still changes it
        Demand opened = as(alice, () -> demands.edit(hidden.extId(), new DemandDraft(null, "保密的电池热失控需求（公开）", null, null, null,
                List.of(), null, null, null, null, null, null, null, "public", null, List.of(), edited.version())));
        assertThat(opened.visibility()).isEqualTo(Demand.Visibility.PUBLIC);
    }

    /** An edit may not move the deadline into the past, as a post may not set one there; a deadline that has passed since may stay. */
    @Test
    void anEditMayNotMoveTheDeadlineIntoThePastButKeepsOneThatHasPassed() {
        Demand posted = as(alice, () -> demands.post(new DemandDraft(null, "截止日期要改的需求", null, null, null, List.of(), null, null, null,
                null, null, null, null, "public", java.time.LocalDate.now().plusDays(30), List.of(), null)));
        DemandDraft moved = new DemandDraft(null, "截止日期要改的需求", null, null, null, List.of(), null, null, null, null, null, null, null,
                "public", java.time.LocalDate.now().minusDays(1), List.of(), posted.version());
        assertThatThrownBy(() -> as(alice, () -> demands.edit(posted.extId(), moved))).isInstanceOf(InvalidInputException.class)
                .extracting("field", "key").containsExactly("deadline", "matching.demand.error.deadlinePast");
        assertThat(demands.get(posted.extId()).deadline()).isEqualTo(java.time.LocalDate.now().plusDays(30));

        java.time.LocalDate passed = java.time.LocalDate.now().minusDays(10);
        jdbc.sql("update demand set deadline = :d where ext_id = :id").param("d", passed).param("id", posted.extId()).update();
        Demand kept = as(alice, () -> demands.edit(posted.extId(), new DemandDraft(null, "截止日期已过的需求", null, null, null, List.of(),
                null, null, null, null, null, null, null, "public", passed, List.of(), posted.version())));
        assertThat(kept.title()).isEqualTo("截止日期已过的需求");
        assertThat(kept.deadline()).isEqualTo(passed);
    }

    /** The budget column keeps fen: a third decimal is refused on its field rather than rounded away. */
    @Test
    void aBudgetWithMoreThanTwoDecimalsIsRefusedNotRounded() {
        for (String field : List.of("budgetMin", "budgetMax")) {
            java.math.BigDecimal fine = new java.math.BigDecimal("1.239");
            DemandDraft spoiled = new DemandDraft(null, "预算带三位小数的需求", null, null, null, List.of(), null, null, null,
                    field.equals("budgetMin") ? fine : null, field.equals("budgetMax") ? fine : null, null, null, null, null, List.of(), null);
            assertThatThrownBy(() -> as(alice, () -> demands.post(spoiled))).isInstanceOf(InvalidInputException.class)
                    .extracting("field", "key").containsExactly(field, "matching.demand.error.budgetFen");
        }
        assertThat(jdbc.sql("select count(*) from demand where title_zh = '预算带三位小数的需求'").query(Long.class).single()).isZero();
        Demand posted = as(alice, () -> demands.post(new DemandDraft(null, "预算到分的需求", null, null, null, List.of(), null, null, null,
                new java.math.BigDecimal("1.50"), new java.math.BigDecimal("12.3400"), null, null, null, null, List.of(), null)));
        assertThat(posted.budgetMax()).isEqualByComparingTo("12.34");
    }

    @Test
    void aStaleEditIsAConflict() {
        Demand posted = as(alice, () -> demands.post(draft("需求甲", null, null, List.of())));
        DemandDraft draft = DemandDraft.of(posted);
        as(alice, () -> demands.edit(posted.extId(), draft));
        assertThatThrownBy(() -> as(alice, () -> demands.edit(posted.extId(), draft))).isInstanceOf(ConflictException.class);
        assertThat(demands.get(posted.extId()).version()).isEqualTo(1);
    }
}
