package org.triplehelix.shared.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.postgresql.Driver;

/**
 * The external PostgreSQL server of {@code --db-url}, with the user and password from the
 * environment ({@code HELIX_DB_USER} / {@code HELIX_DB_PASSWORD}, else libpq's {@code PGUSER} /
 * {@code PGPASSWORD}; a {@code user=} in the URL is used when neither is set).
 *
 * <p>{@link #check(Path)} opens one connection before anything else does, so that what an operator
 * gets wrong — a password, a server that is down, a database not created, a user who may not create
 * tables, a server too old, a data directory that already holds an embedded database — is one
 * sentence saying what to do, not the hundred lines of a failed Spring start. Flyway creates and
 * migrates the schema at every start, so the user needs CREATE on its schema, and the extensions
 * the migrations create (both trusted since PostgreSQL 13, so the database's owner may create them).
 */
public record ExternalDatabase(String url, String user, String password) {

    /** PostgreSQL 15: the oldest release the platform is tested on (Debian 12's; CI runs 17). */
    static final int MINIMUM_VERSION = 150000;

    /** Created by the migrations (pg_trgm for LIKE '%term%' searches, btree_gist for booking exclusion). */
    static final List<String> EXTENSIONS = List.of("pg_trgm", "btree_gist");

    public ExternalDatabase {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new DatabaseRefused("--db-url must be a JDBC PostgreSQL URL (jdbc:postgresql://host:port/database), not "
                    + withoutQuery(url));
        }
    }

    /** {@code url} with the credentials the process environment gives. */
    public static ExternalDatabase fromEnvironment(String url) {
        return of(url, System::getenv);
    }

    static ExternalDatabase of(String url, UnaryOperator<String> environment) {
        return new ExternalDatabase(url, first(environment, "HELIX_DB_USER", "PGUSER"), first(environment, "HELIX_DB_PASSWORD", "PGPASSWORD"));
    }

    private static String first(UnaryOperator<String> environment, String name, String fallback) {
        String value = environment.apply(name);
        return value != null ? value : environment.apply(fallback);
    }

    /**
     * Refuses, with a {@link DatabaseRefused} naming the fix, what would make the start fail or go
     * wrong: {@code data} holding an embedded database (its search index would mix the two
     * databases' records), or a server this user cannot use as the platform needs.
     */
    public void check(Path data) {
        Path cluster = data.toAbsolutePath().normalize().resolve("pg");
        if (Files.exists(cluster.resolve("PG_VERSION"))) {
            throw new DatabaseRefused(data + " holds an embedded database (" + cluster + "), and with --db-url its search index ("
                    + data.resolve("index") + ") would mix that database's records with the server's. Give this server a --data"
                    + " directory of its own, e.g. --data " + data.toAbsolutePath().normalize().resolveSibling("data-" + target().database()));
        }
        try (Connection connection = DriverManager.getConnection(url, connectionProperties())) {
            check(connection);
        } catch (SQLException e) {
            throw refusal(e);
        }
    }

    private Properties connectionProperties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("loginTimeout", "10");
        properties.setProperty("ApplicationName", "triple-helix check");
        return properties;
    }

    private void check(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     select current_setting('server_version_num')::int, current_setting('server_version'), current_user,
                            current_database(), current_schema(), has_schema_privilege(current_schema(), 'CREATE'),
                            has_database_privilege(current_database(), 'CREATE')""")) {
            row.next();
            Server server = new Server(row.getInt(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                    row.getBoolean(6), row.getBoolean(7));
            List<String> missing = new ArrayList<>();
            List<String> unavailable = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    select e.name, a.name is not null, a.installed_version is not null
                      from unnest(?) as e(name)
                      left join pg_available_extensions a on a.name = e.name""")) {
                query.setArray(1, connection.createArrayOf("text", EXTENSIONS.toArray()));
                ResultSet extensions = query.executeQuery();
                while (extensions.next()) {
                    if (!extensions.getBoolean(2)) {
                        unavailable.add(extensions.getString(1));
                    } else if (!extensions.getBoolean(3)) {
                        missing.add(extensions.getString(1));
                    }
                }
            }
            String problem = problem(server, missing, unavailable);
            if (problem != null) {
                throw new DatabaseRefused(problem);
            }
        }
    }

    /** What the connected server lacks for the platform, or null. */
    String problem(Server server, List<String> missing, List<String> unavailable) {
        String where = "PostgreSQL " + server.version() + " at " + target().address();
        if (server.versionNumber() < MINIMUM_VERSION) {
            return where + " is too old: Triple Helix needs PostgreSQL 15 or newer.";
        }
        if (server.schema() == null) {
            return "user " + server.user() + " has no schema in database " + server.database() + " at " + target().address()
                    + " (none of its search_path exists); Triple Helix creates its tables in the first one.";
        }
        if (!server.mayCreateInSchema()) {
            return "user " + server.user() + " may not create tables in schema " + server.schema() + " of database "
                    + server.database() + " at " + target().address() + ", and Triple Helix creates and migrates its tables at"
                    + " start. As the database's owner run: GRANT CREATE ON SCHEMA " + server.schema() + " TO " + server.user()
                    + "; (or create the database with OWNER " + server.user() + ").";
        }
        if (!unavailable.isEmpty()) {
            return where + " lacks the extension" + (unavailable.size() > 1 ? "s " : " ") + String.join(", ", unavailable)
                    + " that Triple Helix uses: install PostgreSQL's contrib modules on the server (postgresql-contrib).";
        }
        if (!missing.isEmpty() && !server.mayCreateInDatabase()) {
            return "user " + server.user() + " may not create the extension" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " in database " + server.database() + " at " + target().address()
                    + ". As a superuser or the database's owner run: CREATE EXTENSION " + String.join("; CREATE EXTENSION ", missing)
                    + "; in that database (or GRANT CREATE ON DATABASE " + server.database() + " TO " + server.user() + ").";
        }
        return null;
    }

    /** A failed connection as the operator's next step. */
    DatabaseRefused refusal(SQLException e) {
        Target target = target();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip().replaceAll("\\.+$", "");
        return new DatabaseRefused(switch (state) {
            case "28P01", "28000" -> "PostgreSQL at " + target.address() + " refused user " + (target.user() != null ? target.user() : "(none given)")
                    + ": " + reason + ". Check HELIX_DB_USER and HELIX_DB_PASSWORD.";
            case "3D000" -> "database " + target.database() + " does not exist at " + target.address()
                    + ". Create it, e.g. as a superuser: CREATE DATABASE " + target.database() + " OWNER " + (target.user() != null ? target.user() : "helix") + ";";
            case "08004" -> user == null || password == null
                    ? "PostgreSQL at " + target.address() + " asks for a password: set HELIX_DB_USER and HELIX_DB_PASSWORD (" + reason + ")."
                    : "PostgreSQL at " + target.address() + " refused the connection: " + reason;
            case "08001", "08006" -> "cannot connect to PostgreSQL at " + target.address() + ": " + reason
                    + ". Is the server running, and listening on that address (listen_addresses, pg_hba.conf)?";
            default -> "cannot use PostgreSQL at " + target.address() + ": " + reason + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")");
        });
    }

    /** Host, port, database and user (the environment's, else the URL's), as the driver reads the URL. */
    Target target() {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            return new Target(withoutQuery(url), "helix", user);
        }
        return new Target(parsed.getProperty("PGHOST", "localhost") + ":" + parsed.getProperty("PGPORT", "5432"),
                parsed.getProperty("PGDBNAME", ""), user != null ? user : parsed.getProperty("user"));
    }

    /** The URL without its parameters, which may carry a password. */
    private static String withoutQuery(String url) {
        if (url == null) {
            return "nothing";
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    record Target(String address, String database, String user) {
    }

    /** What the check reads from the server about itself and the user. */
    record Server(int versionNumber, String version, String user, String database, String schema,
                  boolean mayCreateInSchema, boolean mayCreateInDatabase) {
    }

    /** The external database cannot be used as given; the message says why and what to do. */
    public static final class DatabaseRefused extends IllegalStateException {

        DatabaseRefused(String message) {
            super(message);
        }
    }
}
