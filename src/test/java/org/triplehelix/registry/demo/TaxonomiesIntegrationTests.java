package org.triplehelix.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The seed migration fills the taxonomies so that the demo's region and discipline names resolve to one row each. */
@SpringBootTest
@ActiveProfiles("test")
class TaxonomiesIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void regionsAreProvincesHubeisPrefecturesAndItsDistricts() {
        assertThat(count("select count(*) from region where level = 'province'")).isEqualTo(34);
        assertThat(count("select count(*) from region where level = 'prefecture' and parent_code = '420000'")).isEqualTo(17);
        assertThat(count("select count(*) from region d join region p on d.parent_code = p.code "
                + "where d.level = 'district' and p.level = 'prefecture'")).isEqualTo(99);
    }

    @Test
    void regionNamesAreUniqueSoANameGivenInARecordResolves() {
        List<String> duplicates = jdbc.sql("select name_zh from region group by name_zh having count(*) > 1")
                .query(String.class).list();
        assertThat(duplicates).isEmpty();
        assertThat(jdbc.sql("select code from region where name_zh = '武汉市'").query(String.class).single()).isEqualTo("420100");
    }

    @Test
    void disciplinesIndustriesAndKeyCoreTechnologies() {
        assertThat(count("select count(*) from discipline where parent_code is null")).isEqualTo(13);
        assertThat(count("select count(*) from discipline where parent_code is not null")).isEqualTo(67);
        assertThat(jdbc.sql("select industry_group, count(*) from industry group by industry_group order by 1")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list())
                .containsExactly("emerging=8", "future=8", "traditional=6");
        assertThat(count("select count(*) from key_core_technology where illustrative and industry_code is not null"
                + " and description_en like 'Illustrative:%'")).isEqualTo(29);
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
