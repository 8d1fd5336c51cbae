package org.triplehelix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triplehelix.TripleHelixApplication;
import picocli.CommandLine;

/**
 * {@code helix bench nav} end to end on a tiny scale, on an installation of its own: it measures
 * the four counts and the pages, and leaves the database as it found it. Timings are printed, not
 * asserted (they depend on the machine and its load).
 */
class BenchNavCommandIntegrationTests {

    private static final Path DATA = Path.of("target/test-bench-nav-data");

    /** Every table the bench writes to, directly or through a cascade. */
    private static final List<String> TABLES = List.of("organization", "person", "app_user", "user_role", "notification", "facility",
            "facility_manager", "booking", "challenge", "challenge_invitation", "challenge_application", "application_member",
            "talent_program", "talent_student", "talent_practice_log");

    @Test
    void measuresTheFourCountsAndThePagesThenLeavesNoSyntheticRowBehind() {
        // The installation's database held open by the test (the command attaches to it), with a record of its own.
        try (ConfigurableApplicationContext installation = new SpringApplicationBuilder(TripleHelixApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--helix.data=" + DATA.toAbsolutePath(), "--helix.demo.enabled=false", "--helix.embedding.background=false",
                        "--helix.index.directory=" + DATA.resolve("index-of-the-test").toAbsolutePath(), "--logging.level.root=WARN")) {
            JdbcClient jdbc = installation.getBean(JdbcClient.class);
            jdbc.sql("insert into organization (ext_id, name_en) values ('own-organization', 'Our own') on conflict (ext_id) do nothing").update();
            Map<String, Long> before = rows(jdbc);
            long lastAudit = jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = new CommandLine(new HelixCommand(TripleHelixApplication.class));
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int exitCode = commandLine.execute("bench", "nav", "--users", "20", "--notices-per-user", "3", "--requests", "5", "--warmup", "1",
                    "--data", DATA.toString());

            String printed = out.toString();
            assertThat(exitCode).as(err + printed).isZero();
            assertThat(printed).contains("machine: ", "load average (1 min) at start", "seeded through SQL in bulk (generate_series)",
                    "20 users, 60 notices (20 unread)", "the page shows 4 navigation counts", "/ signed in", "/notifications signed in",
                    "/ anonymous", "synthetic rows left: 0");
            // the measured user: 1 unread notice of 3; 5 instruments × 25 pending bookings; 10 students × 5 pending entries
            assertThat(value(printed, "InboxNavCount /notifications")).isEqualTo(1);
            assertThat(value(printed, "ApprovalNavCount /instruments")).isEqualTo(125);
            assertThat(value(printed, "PendingHoursNavCount /talent")).isEqualTo(50);
            assertThat(value(printed, "InvitationNavCount /challenges")).isPositive();
            // no registration waits for approval in the seeded data (the count is measured, as for an approver)
            assertThat(value(printed, "PendingRegistrationsNavCount /admin/users")).isZero();
            assertThat(value(printed, "all 5 (one page)")).isEqualTo(1 + 125 + 50 + value(printed, "InvitationNavCount /challenges"));

            assertThat(rows(jdbc)).isEqualTo(before);
            assertThat(jdbc.sql("select count(*) from organization where ext_id = 'own-organization'").query(Long.class).single()).isOne();
            // The append-only audit trail keeps the one sign-in through the form, and nothing else.
            assertThat(jdbc.sql("select action from audit_log where id > :last").param("last", lastAudit).query(String.class).list())
                    .containsExactly("sign-in");
        }
    }

    private static Map<String, Long> rows(JdbcClient jdbc) {
        Map<String, Long> rows = new LinkedHashMap<>();
        TABLES.forEach(table -> rows.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single()));
        return rows;
    }

    /** The value column of a count's line. */
    private static long value(String printed, String name) {
        String line = printed.lines().filter(l -> l.startsWith(name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + name + " in\n" + printed));
        return Long.parseLong(Arrays.stream(line.substring(name.length()).trim().split("\\s+")).findFirst().orElseThrow());
    }
}
