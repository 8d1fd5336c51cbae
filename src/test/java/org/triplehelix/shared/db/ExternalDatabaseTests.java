package org.triplehelix.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triplehelix.shared.db.ExternalDatabase.DatabaseRefused;
import org.triplehelix.shared.db.ExternalDatabase.Server;

/** What an operator gets wrong about {@code --db-url}, each as one sentence saying what to do (README). */
class ExternalDatabaseTests {

    private static final String URL = "jdbc:postgresql://db.example.org:5433/helix";
    private final ExternalDatabase database = new ExternalDatabase(URL, "helix", "secret");

    @Test
    void theCredentialsComeFromHelixVariablesThenLibpqOnes() {
        ExternalDatabase helix = ExternalDatabase.of(URL, Map.of("HELIX_DB_USER", "h", "HELIX_DB_PASSWORD", "p", "PGUSER", "x", "PGPASSWORD", "y")::get);
        assertThat(helix.user()).isEqualTo("h");
        assertThat(helix.password()).isEqualTo("p");
        ExternalDatabase libpq = ExternalDatabase.of(URL, Map.of("PGUSER", "x", "PGPASSWORD", "y")::get);
        assertThat(libpq.user()).isEqualTo("x");
        assertThat(libpq.password()).isEqualTo("y");
        assertThat(ExternalDatabase.of(URL + "?user=postgres", Map.<String, String>of()::get).user()).as("the URL's own user then").isNull();
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedWithoutItsParameters() {
        assertThatThrownBy(() -> new ExternalDatabase("jdbc:mysql://db/helix?password=hunter2", null, null))
                .isInstanceOf(DatabaseRefused.class)
                .hasMessage("--db-url must be a JDBC PostgreSQL URL (jdbc:postgresql://host:port/database), not jdbc:mysql://db/helix");
        assertThatThrownBy(() -> new ExternalDatabase("postgresql://db/helix", null, null)).isInstanceOf(DatabaseRefused.class);
    }

    @Test
    void aDataDirectoryHoldingAnEmbeddedDatabaseIsRefused(@TempDir Path data) throws IOException {
        Files.createDirectories(data.resolve("pg"));
        Files.writeString(data.resolve("pg/PG_VERSION"), "17\n");

        assertThatThrownBy(() -> database.check(data))
                .isInstanceOf(DatabaseRefused.class)
                .hasMessageContaining(data + " holds an embedded database")
                .hasMessageContaining("Give this server a --data directory of its own, e.g. --data " + data.resolveSibling("data-helix"));
    }

    @Test
    void aServerOlderThan15IsTooOld() {
        assertThat(database.problem(server(140011, "14.11", true, true), List.of(), List.of()))
                .isEqualTo("PostgreSQL 14.11 at db.example.org:5433 is too old: Triple Helix needs PostgreSQL 15 or newer.");
        assertThat(database.problem(server(150000, "15.0", true, true), List.of(), List.of())).isNull();
    }

    @Test
    void aUserWhoMayNotCreateTablesIsToldTheGrant() {
        assertThat(database.problem(server(170000, "17.0", false, true), List.of(), List.of()))
                .startsWith("user helix may not create tables in schema public of database helix at db.example.org:5433")
                .contains("GRANT CREATE ON SCHEMA public TO helix;");
    }

    @Test
    void extensionsTheUserCannotCreateAreNamed() {
        assertThat(database.problem(server(170000, "17.0", true, false), List.of("pg_trgm", "btree_gist"), List.of()))
                .contains("may not create the extensions pg_trgm, btree_gist in database helix")
                .contains("CREATE EXTENSION pg_trgm; CREATE EXTENSION btree_gist;");
        assertThat(database.problem(server(170000, "17.0", true, true), List.of("pg_trgm"), List.of()))
                .as("the database's owner creates trusted extensions itself").isNull();
        assertThat(database.problem(server(170000, "17.0", true, true), List.of(), List.of("btree_gist")))
                .contains("lacks the extension btree_gist").contains("postgresql-contrib");
    }

    @Test
    void eachConnectionFailureSaysWhatToCheck() {
        assertThat(database.refusal(new SQLException("FATAL: password authentication failed for user \"helix\"", "28P01")).getMessage())
                .isEqualTo("PostgreSQL at db.example.org:5433 refused user helix: FATAL: password authentication failed for user \"helix\"."
                        + " Check HELIX_DB_USER and HELIX_DB_PASSWORD.");
        assertThat(database.refusal(new SQLException("FATAL: database \"helix\" does not exist", "3D000")).getMessage())
                .isEqualTo("database helix does not exist at db.example.org:5433. Create it, e.g. as a superuser: CREATE DATABASE helix OWNER helix;");
        assertThat(database.refusal(new SQLException("Connection to db.example.org:5433 refused.", "08001")).getMessage())
                .startsWith("cannot connect to PostgreSQL at db.example.org:5433: Connection to db.example.org:5433 refused.")
                .contains("Is the server running");
        assertThat(new ExternalDatabase(URL, null, null).refusal(new SQLException("The server requested SCRAM-based authentication,"
                + " but no password was provided.", "08004")).getMessage())
                .startsWith("PostgreSQL at db.example.org:5433 asks for a password: set HELIX_DB_USER and HELIX_DB_PASSWORD");
    }

    @Test
    void theTargetIsReadAsTheDriverReadsIt() {
        assertThat(new ExternalDatabase("jdbc:postgresql://db/helix?user=ops", null, null).target())
                .isEqualTo(new ExternalDatabase.Target("db:5432", "helix", "ops"));
        assertThat(new ExternalDatabase("jdbc:postgresql://db/helix?user=ops", "helix", "p").target().user()).isEqualTo("helix");
    }

    private static Server server(int number, String version, boolean mayCreateInSchema, boolean mayCreateInDatabase) {
        return new Server(number, version, "helix", "helix", "public", mayCreateInSchema, mayCreateInDatabase);
    }
}
