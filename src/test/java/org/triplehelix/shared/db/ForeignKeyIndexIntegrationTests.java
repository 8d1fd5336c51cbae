package org.triplehelix.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every foreign key of the migrated schema has an index that starts with its columns. Without one, deleting or
 * re-keying a referenced row (an account, an organization) scans the whole referencing table, under a lock, and
 * the queries that join or filter by the key (a user's bookings, notices, applications) scan it too.
 */
@SpringBootTest
@ActiveProfiles("test")
class ForeignKeyIndexIntegrationTests {

    /**
     * Foreign keys with no valid, non-partial index whose leading columns are exactly the key's columns (in any order),
     * as "table (columns) → referenced table [constraint]".
     */
    static final String UNINDEXED = """
            select format('%s (%s) → %s [%s]', c.conrelid::regclass, string_agg(a.attname, ', ' order by k.ord),
                          c.confrelid::regclass, c.conname)
            from pg_constraint c
            cross join lateral unnest(c.conkey) with ordinality as k(attnum, ord)
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
            where c.contype = 'f'
              and c.connamespace = current_schema()::regnamespace
              and not exists (
                  select 1 from pg_index i
                  where i.indrelid = c.conrelid and i.indisvalid and i.indpred is null
                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
            group by c.conrelid, c.confrelid, c.conname
            order by 1
            """;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyForeignKeyHasAnIndexLedByItsColumns() {
        assertThat(jdbc.sql("select count(*) from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace")
                .query(Long.class).single()).as("the schema has foreign keys to check").isGreaterThan(20);
        List<String> unindexed = jdbc.sql(UNINDEXED).query(String.class).list();
        assertThat(unindexed).as("foreign keys without an index led by their columns").isEmpty();
    }
}
