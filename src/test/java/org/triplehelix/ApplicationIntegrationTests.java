package org.triplehelix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The application starts on the embedded PostgreSQL and migrates its schema. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the same context as every web test: one embedded PostgreSQL per JVM
@ActiveProfiles("test")
class ApplicationIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void migratesTheRegistrySchema() {
        Integer tables = jdbc.sql("select count(*) from information_schema.tables where table_name in ('organization', 'person', 'output', 'facility')")
                .query(Integer.class).single();
        assertThat(tables).isEqualTo(4);
    }
}
