package org.triplehelix.web;

import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The registry's read API: paged lists with the pages' filters, profiles, counts, taxonomies, problem details, OpenAPI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryApiIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    DataSource dataSource;

    MockMvc mvc;

    @BeforeAll
    void setUp() {
        RegistryFixture.load(dataSource);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    @AfterAll
    void removeFixture() {
        RegistryFixture.clean(dataSource);
    }

    @Test
    void listsArePagedWithATotal() throws Exception {
        mvc.perform(get("/api/v1/organizations").param("q", "huazhong").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.total").value(greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.items[?(@.id == 'fx-org-hust')].name.zh").value(hasItem("华中科技大学")))
                .andExpect(jsonPath("$.items[?(@.id == 'fx-org-hust')].name.en").value(hasItem("Huazhong University of Science and Technology")))
                .andExpect(jsonPath("$.items[?(@.id == 'fx-org-hust')].regionName.en").value(hasItem("Hongshan District")));
        mvc.perform(get("/api/v1/outputs").param("person", "fx-p-zhang").param("sort", "year").param("size", "2"))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].id").value("fx-u-2"))
                .andExpect(jsonPath("$.items[0].lead.id").value("fx-p-li"))
                .andExpect(jsonPath("$.items[0].organization.id").value("fx-org-hust"))
                .andExpect(jsonPath("$.items[1].id").value("fx-u-1"));
        mvc.perform(get("/api/v1/persons").param("q", "李明"))
                .andExpect(jsonPath("$.items[?(@.id == 'fx-p-li')].organization.id").value(hasItem("fx-org-hust")));
        mvc.perform(get("/api/v1/facilities").param("type", "major_facility").param("region", "420000"))
                .andExpect(jsonPath("$.items[*].id").value(hasItem("fx-f-magnet")));
    }

    @Test
    void profilesCarryTheirLinks() throws Exception {
        mvc.perform(get("/api/v1/organizations/fx-org-hust"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organization.id").value("fx-org-hust"))
                .andExpect(jsonPath("$.organization.illustrative").value(false))
                .andExpect(jsonPath("$.children[0].id").value("fx-org-wnlo"))
                .andExpect(jsonPath("$.children[0].kind").value("organization"))
                .andExpect(jsonPath("$.people.items[0].id").value("fx-p-li"))
                .andExpect(jsonPath("$.outputs.total").value(2))
                .andExpect(jsonPath("$.collaborators[0].record.id").value("fx-org-whu"))
                .andExpect(jsonPath("$.collaborators[0].shared").value(2));
        mvc.perform(get("/api/v1/persons/fx-p-li"))
                .andExpect(jsonPath("$.coauthors[0].record.id").value("fx-p-zhang"))
                .andExpect(jsonPath("$.orcid").value("0000-0002-1825-0097"));
        mvc.perform(get("/api/v1/outputs/fx-u-1"))
                .andExpect(jsonPath("$.abstract.zh").value("研究光电子产业的经济影响。"))
                .andExpect(jsonPath("$.people[1].id").value("fx-p-zhang"));
        mvc.perform(get("/api/v1/outputs/fx-u-4"))
                .andExpect(jsonPath("$.output.illustrative").value(true));
        mvc.perform(get("/api/v1/facilities/fx-f-tem"))
                .andExpect(jsonPath("$.facility.organization.id").value("fx-org-whu"));
    }

    @Test
    void statsAndTaxonomies() throws Exception {
        mvc.perform(get("/api/v1/stats").param("region", "420000"))
                .andExpect(jsonPath("$.region").value("420000"))
                .andExpect(jsonPath("$.organizations.provincial_laboratory").value(greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.organizations.national_key_laboratory").value(greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.persons").value(greaterThanOrEqualTo(3)));
        mvc.perform(get("/api/v1/industries"))
                .andExpect(jsonPath("$.future[*].code").value(hasItem("fx-ind-quantum")));
        mvc.perform(get("/api/v1/technologies").param("industry", "fx-ind-opt"))
                .andExpect(jsonPath("$[0].code").value("fx-kct-chip"))
                .andExpect(jsonPath("$[0].illustrative").value(true));
        mvc.perform(get("/api/v1/regions"))
                .andExpect(jsonPath("$[*].code").value(hasItem("420111")));
        mvc.perform(get("/api/v1/disciplines"))
                .andExpect(jsonPath("$[*].code").value(hasItem("fx-d-econ")));
    }

    @Test
    void errorsAreProblemDetailsNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/outputs").param("yearFrom", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("yearFrom"));
        mvc.perform(get("/api/v1/organizations").param("type", "castle"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("type"));
        mvc.perform(get("/api/v1/persons").param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("size"));
        mvc.perform(get("/api/v1/organizations/fx-none"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void openApiDescribesTheReadApi() throws Exception {
        mvc.perform(get("/api/v1/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/organizations'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/organizations/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/persons'].get.parameters[*].name").value(hasItem("q")))
                .andExpect(jsonPath("$.paths['/api/v1/outputs'].get.parameters[*].name").value(hasItem("yearFrom")))
                .andExpect(jsonPath("$.paths['/api/v1/stats'].get").exists())
                // every list's paging is described, the shared parameters included
                .andExpect(jsonPath("$.paths['/api/v1/demands'].get.parameters[*].name").value(hasItem("size")))
                .andExpect(jsonPath("$.paths['/api/v1/audit'].get.parameters[*].name").value(hasItem("page")))
                .andExpect(jsonPath("$.paths['/api/v1/technologies'].get").exists());
    }
}
