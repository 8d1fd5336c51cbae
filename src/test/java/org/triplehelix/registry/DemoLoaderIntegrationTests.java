package org.triplehelix.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The demo loader imports the files of its manifest together, marking the illustrative ones. */
@SpringBootTest
@ActiveProfiles("test")
class DemoLoaderIntegrationTests {

    @Autowired
    DemoLoader loader;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        jdbc.sql("delete from person where ext_id like 'demo-test-%'").update();
        jdbc.sql("delete from organization where ext_id like 'demo-test-%'").update();
    }

    @Test
    void importsTheManifestsFilesMarkingTheIllustrativeOnes() {
        ImportReport report = loader.load("classpath:demo-test/manifest.txt");

        assertThat(report.summary()).isEqualTo("2 imported, 0 rejected");
        assertThat(jdbc.sql("select ext_id || ' ' || illustrative from organization where ext_id like 'demo-test-%' "
                + "union all select ext_id || ' ' || illustrative from person where ext_id like 'demo-test-%' order by 1")
                .query(String.class).list()).containsExactly("demo-test-lab true", "demo-test-person false");
        assertThat(jdbc.sql("select o.ext_id from person p join organization o on o.id = p.organization_id where p.ext_id = 'demo-test-person'")
                .query(String.class).single()).isEqualTo("demo-test-lab");
    }

    @Test
    void leavesTheRegistryAloneWithoutAManifest() {
        assertThat(loader.load("classpath:demo-test/no-such-manifest.txt")).isNull();
        assertThat(loader.registryIsEmpty()).as("other tests' records are there").isFalse();
    }
}
