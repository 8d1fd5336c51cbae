package org.triplehelix.web;

import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The small registry of the web tests ({@code fixtures/registry-small.sql}): records whose ids
 * start with {@code fx-}, loaded before a test class and removed after it. The test database is
 * shared with other tests, so assertions look at the fixture's records, or compare two live
 * numbers, never at absolute totals.
 */
public final class RegistryFixture {

    private RegistryFixture() {
    }

    /** Loads the fixture, replacing what an earlier run may have left behind. */
    public static void load(DataSource dataSource) {
        clean(dataSource);
        run(dataSource, "fixtures/registry-small.sql");
    }

    public static void clean(DataSource dataSource) {
        run(dataSource, "fixtures/registry-small-clean.sql");
    }

    private static void run(DataSource dataSource, String script) {
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(script));
        populator.setSqlScriptEncoding("UTF-8");
        populator.execute(dataSource);
    }

    /** Brings the search index up to the fixture, written straight into the tables (no change events). */
    static void index(org.springframework.context.ApplicationContext context) {
        context.getBean(org.triplehelix.matching.IndexMaintenance.class).rebuild(org.triplehelix.matching.Progress.NONE);
    }
}
