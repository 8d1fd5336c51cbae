package org.triplehelix.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.registry.RegistryQueries;
import org.triplehelix.registry.RegistryQueries.Criteria;
import org.triplehelix.registry.RegistryQueries.Linked;
import org.triplehelix.registry.RegistryQueries.Ref;
import org.triplehelix.registry.RegistryQueries.Stats;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Page;

/** The registry's reads against the small fixture: search, filters, sorting, profiles, counts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryQueriesIntegrationTests {

    @Autowired
    RegistryQueries queries;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    void loadFixture() {
        RegistryFixture.load(dataSource);
    }

    @AfterAll
    void removeFixture() {
        RegistryFixture.clean(dataSource);
    }

    static final Criteria ALL = Criteria.all().withSize(RegistryQueries.MAX_SIZE);

    @Test
    void searchesChineseNamesBySubstring() {
        assertThat(fixtureIds(queries.organizations(ALL.withQ("华中"))))
                .containsExactly("fx-org-hust");
        assertThat(fixtureIds(queries.organizations(ALL.withQ("光电")))).containsExactlyInAnyOrder("fx-org-wnlo", "fx-org-ent");
    }

    @Test
    void searchesEnglishNamesIgnoringCaseWithEveryTermRequired() {
        assertThat(fixtureIds(queries.organizations(ALL.withQ("huazhong")))).containsExactly("fx-org-hust");
        assertThat(fixtureIds(queries.organizations(ALL.withQ("HUAZHONG technology")))).containsExactly("fx-org-hust");
        assertThat(fixtureIds(queries.organizations(ALL.withQ("huazhong peking")))).isEmpty();
    }

    @Test
    void searchesKeywordsAndTitles() {
        assertThat(fixtureIds(queries.persons(ALL.withQ("photonics")))).containsExactly("fx-p-li");
        assertThat(fixtureIds(queries.outputs(ALL.withQ("光纤传感")))).containsExactly("fx-u-4");
        assertThat(fixtureIds(queries.outputs(ALL.withQ("optical NETWORKS")))).containsExactly("fx-u-2");
        assertThat(fixtureIds(queries.facilities(ALL.withQ("电镜")))).containsExactly("fx-f-tem");
    }

    @Test
    void putsTheExactNameFirst() {
        List<String> ids = fixtureIds(queries.organizations(ALL.withQ("武汉")));
        assertThat(ids).startsWith("fx-org-whu").contains("fx-org-wnlo");
    }

    @Test
    void treatsWildcardsAndQuotesAsText() {
        assertThat(queries.organizations(ALL.withQ("%")).items()).allMatch(o -> o.name().both().contains("%"));
        assertThat(queries.organizations(ALL.withQ("_")).items()).allMatch(o -> o.name().both().contains("_"));
        assertThat(queries.organizations(ALL.withQ("' OR 1=1 --")).total()).isZero();
        assertThat(fixtureIds(queries.organizations(ALL.withQ("<script>")))).containsExactly("fx-org-script");
        assertThat(fixtureIds(queries.organizations(ALL.withQ("华\u0000中")))).containsExactly("fx-org-hust");
        assertThatThrownBy(() -> queries.organization("fx-org-\u0000hust", false)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void filtersByRegionWithEverythingUnderIt() {
        assertThat(fixtureIds(queries.organizations(ALL.withRegion("420100"))))
                .containsExactlyInAnyOrder("fx-org-hust", "fx-org-wnlo", "fx-org-whu", "fx-org-lab");
        assertThat(fixtureIds(queries.organizations(ALL.withRegion("湖北省"))))
                .containsExactlyInAnyOrder("fx-org-hust", "fx-org-wnlo", "fx-org-whu", "fx-org-lab", "fx-org-ent");
        assertThat(fixtureIds(queries.persons(ALL.withRegion("110000")))).containsExactly("fx-p-chen");
        assertThat(fixtureIds(queries.outputs(ALL.withRegion("110000")))).containsExactly("fx-u-3");
        assertThat(fixtureIds(queries.facilities(ALL.withRegion("420111")))).containsExactly("fx-f-magnet");
        assertThat(fixtureIds(queries.organizations(ALL.withRegion("elsewhere")))).containsExactly("fx-org-script");
    }

    @Test
    void filtersByDisciplineWithItsChildren() {
        assertThat(fixtureIds(queries.outputs(ALL.withDiscipline("fx-d-econ")))).containsExactly("fx-u-1");
        assertThat(fixtureIds(queries.persons(ALL.withDiscipline("fx-d-econ")))).containsExactlyInAnyOrder("fx-p-li", "fx-p-zhang");
        assertThat(fixtureIds(queries.outputs(ALL.withDiscipline("信息科学")))).containsExactly("fx-u-2");
    }

    @Test
    void filtersByTypeYearsAndLinks() {
        assertThat(fixtureIds(queries.organizations(ALL.withType("national_key_laboratory")))).containsExactly("fx-org-wnlo");
        assertThat(fixtureIds(queries.outputs(ALL.withYears(2018, 2020)))).containsExactlyInAnyOrder("fx-u-1", "fx-u-2");
        assertThat(fixtureIds(queries.outputs(ALL.withOrganization("fx-org-wnlo")))).containsExactlyInAnyOrder("fx-u-2", "fx-u-4");
        assertThat(fixtureIds(queries.outputs(ALL.withPerson("fx-p-zhang")))).containsExactlyInAnyOrder("fx-u-1", "fx-u-2", "fx-u-3");
        assertThat(queries.organizations(ALL.withParent("fx-org-hust")).total()).isEqualTo(1);
        assertThat(fixtureIds(queries.facilities(ALL.withType("instrument")))).containsExactly("fx-f-tem");
    }

    @Test
    void sortsByYearAndByNameInTheReadersLanguage() {
        assertThat(fixtureIds(queries.outputs(ALL.withOrganization("fx-org-whu").withSort("year"))))
                .containsExactly("fx-u-2", "fx-u-1", "fx-u-3");
        Criteria universities = ALL.withQ("大学").withType("university").withSort("name");
        assertThat(fixtureIds(queries.organizations(universities)))
                .containsSubsequence("fx-org-pku", "fx-org-hust", "fx-org-whu"); // pinyin: Bei, Hua, Wu
        assertThat(fixtureIds(queries.organizations(universities.inEnglish(true))))
                .containsSubsequence("fx-org-hust", "fx-org-pku", "fx-org-whu"); // Huazhong, Peking, Wuhan
    }

    @Test
    void pagesWithATotal() {
        Page<RegistryQueries.OutputItem> first = queries.outputs(Criteria.all().withPerson("fx-p-zhang").withSize(2).withSort("year"));
        Page<RegistryQueries.OutputItem> second = queries.outputs(Criteria.all().withPerson("fx-p-zhang").withSize(2).withSort("year").withPage(1));
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(RegistryQueries.OutputItem::id).containsExactly("fx-u-2", "fx-u-1");
        assertThat(second.items()).extracting(RegistryQueries.OutputItem::id).containsExactly("fx-u-3");
        assertThat(first.hasNext()).isTrue();
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void refusesBadCriteriaNamingTheField() {
        assertThatThrownBy(() -> queries.organizations(ALL.withType("castle")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("type"));
        assertThatThrownBy(() -> queries.persons(ALL.withSort("year")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sort"));
        assertThatThrownBy(() -> ALL.withSize(0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("size"));
        assertThatThrownBy(() -> ALL.withYears(2020, 2010))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("yearTo"));
    }

    @Test
    void organizationProfileHasItsLinks() {
        var profile = queries.organization("fx-org-hust", false);
        assertThat(profile.organization().name().en()).isEqualTo("Huazhong University of Science and Technology");
        assertThat(profile.organization().regionName().zh()).isNotBlank();
        assertThat(profile.children()).extracting(Ref::id).containsExactly("fx-org-wnlo");
        assertThat(profile.people().items()).extracting(RegistryQueries.PersonItem::id).containsExactly("fx-p-li");
        assertThat(profile.outputs().items()).extracting(RegistryQueries.OutputItem::id).containsExactly("fx-u-2", "fx-u-1");
        assertThat(profile.facilities().items()).extracting(RegistryQueries.FacilityItem::id).containsExactly("fx-f-magnet");
        assertThat(profile.collaborators()).extracting(c -> c.record().id() + ":" + c.shared())
                .containsExactly("fx-org-whu:2", "fx-org-wnlo:1");
        assertThat(queries.organization("fx-org-wnlo", false).organization().parent().id()).isEqualTo("fx-org-hust");
    }

    @Test
    void personOutputAndFacilityProfilesHaveTheirLinks() {
        var person = queries.person("fx-p-li", true);
        assertThat(person.person().organization().id()).isEqualTo("fx-org-hust");
        assertThat(person.orcid()).isEqualTo("0000-0002-1825-0097");
        assertThat(person.outputs().total()).isEqualTo(2);
        assertThat(person.coauthors()).extracting(Linked::shared).containsExactly(2L, 1L);
        assertThat(person.coauthors()).extracting(c -> c.record().id()).containsExactly("fx-p-zhang", "fx-p-wang");

        var output = queries.output("fx-u-2");
        assertThat(output.people()).extracting(Ref::id).containsExactly("fx-p-li", "fx-p-wang", "fx-p-zhang");
        assertThat(output.organizations()).extracting(Ref::id).containsExactly("fx-org-hust", "fx-org-wnlo", "fx-org-whu");
        assertThat(output.output().lead().id()).isEqualTo("fx-p-li");

        assertThat(queries.facility("fx-f-tem").facility().organization().id()).isEqualTo("fx-org-whu");
    }

    @Test
    void marksIllustrativeRecords() {
        assertThat(queries.organization("fx-org-lab", false).organization().illustrative()).isTrue();
        assertThat(queries.organization("fx-org-hust", false).organization().illustrative()).isFalse();
        assertThat(queries.output("fx-u-4").output().illustrative()).isTrue();
        assertThat(queries.output("fx-u-4").organizations()).filteredOn(Ref::illustrative).extracting(Ref::id).containsExactly("fx-org-ent");
        assertThat(queries.technologies("fx-ind-opt")).singleElement().matches(RegistryQueries.Technology::illustrative);
    }

    @Test
    void unknownRecordsAreNotFound() {
        assertThatThrownBy(() -> queries.organization("fx-none", false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.person("fx-none", false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.output("fx-none")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.facility("fx-none")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyCountEqualsTheLengthOfItsList() {
        for (String region : new String[] {null, "420000", "420100", "110000"}) {
            Stats stats = queries.stats(region);
            Criteria scope = Criteria.all().withRegion(region);
            stats.organizations().forEach((type, count) ->
                    assertThat(queries.organizations(scope.withType(type)).total()).as("%s in %s", type, region).isEqualTo(count));
            assertThat(queries.persons(scope).total()).isEqualTo(stats.persons());
            assertThat(queries.outputs(scope).total()).isEqualTo(stats.outputs());
            assertThat(queries.facilities(scope).total()).isEqualTo(stats.facilities());
            stats.facilitiesByType().forEach((type, count) ->
                    assertThat(queries.facilities(scope.withType(type)).total()).isEqualTo(count));
        }
        assertThat(queries.stats("420000").organizations().get("provincial_laboratory")).isPositive();
        assertThat(queries.stats("420000").regionName().en()).isEqualTo("Hubei");
    }

    @Test
    void readsTheTaxonomies() {
        assertThat(queries.industries()).containsOnlyKeys("traditional", "emerging", "future");
        assertThat(queries.industries().get("future")).extracting(RegistryQueries.Industry::code).contains("fx-ind-quantum");
        assertThat(queries.industries().get("emerging")).filteredOn(i -> i.code().equals("fx-ind-opt"))
                .singleElement().extracting(RegistryQueries.Industry::technologies).isEqualTo(1L);
        assertThat(queries.disciplines()).extracting(RegistryQueries.Discipline::code).contains("fx-d-econ", "fx-d-econ-app");
        assertThat(queries.regions()).extracting(RegistryQueries.Region::code).contains("420000", "420100", "420111");
        assertThat(queries.ref("person", "fx-p-li")).map(Ref::path).contains("/persons/fx-p-li");
    }

    private static List<String> fixtureIds(Page<?> page) {
        return page.items().stream().map(RegistryQueriesIntegrationTests::id).filter(id -> id.startsWith("fx-")).toList();
    }

    private static String id(Object item) {
        return switch (item) {
            case RegistryQueries.OrganizationItem o -> o.id();
            case RegistryQueries.PersonItem p -> p.id();
            case RegistryQueries.OutputItem u -> u.id();
            case RegistryQueries.FacilityItem f -> f.id();
            default -> throw new IllegalArgumentException(item.toString());
        };
    }
}
