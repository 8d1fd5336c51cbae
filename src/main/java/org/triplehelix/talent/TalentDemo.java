package org.triplehelix.talent;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.triplehelix.registry.DemoReady;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.access.DataScope;
import org.triplehelix.registry.FileFormat;
import org.triplehelix.registry.ImportReport;
import org.triplehelix.registry.ImportSource;
import org.triplehelix.registry.RegistryImport;
import org.triplehelix.shared.AuditableChange;

/**
 * The talent demo (ILLUSTRATIVE, labelled 示例 in the data and the pages): once the registry's
 * demo is in, imports {@code talent/demo.jsonl} (written by {@code tools/talent_demo.py}) through
 * the registry's import, flagged illustrative: mentors and students as registry persons, programs
 * between real Hubei universities and the illustrative demo enterprises, universities' graduate
 * figures and enterprises' talent needs (the JSON Lines kinds of this module). Then a few topics
 * per enterprise of a program, chosen and confirmed for some students, milestones and practice
 * hours. Runs once: nothing happens when an illustrative program exists.
 */
@Component
class TalentDemo {

    private static final Logger log = LoggerFactory.getLogger(TalentDemo.class);
    static final String FILE = "talent/demo.jsonl";

    private final JdbcClient jdbc;
    private final RegistryImport imports;
    private final DataScope scope;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final boolean enabled;

    TalentDemo(JdbcClient jdbc, RegistryImport imports, DataScope scope, ApplicationEventPublisher events,
               PlatformTransactionManager transactions, @Value("${helix.demo.enabled:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.imports = imports;
        this.scope = scope;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.enabled = enabled;
    }

    /** Once the registry's demo is in (the organizations the talent demo names): the talent demo, unless it is there. */
    @EventListener
    void on(DemoReady ready) {
        if (!enabled || seeded() || !registryDemoIn()) {
            return;
        }
        try {
            seed();
        } catch (RuntimeException e) {
            log.error("The talent demo failed: {}", e.getMessage(), e);
        }
    }

    private boolean seeded() {
        return jdbc.sql("select exists (select 1 from talent_program where illustrative)").query(Boolean.class).single();
    }

    private boolean registryDemoIn() {
        return jdbc.sql("select count(*) = 2 from organization where ext_id in ('demo-ent-30', 'moe-4142010525')").query(Boolean.class).single();
    }

    /** Imports the demo file, then topics, milestones and hours; the import's report. */
    ImportReport seed() {
        ClassPathResource resource = new ClassPathResource(FILE);
        ImportReport report = scope.asSystem(() -> {
            try {
                return imports.run(ImportSource.of(FILE, FileFormat.JSON_LINES, resource.contentLength(), true, resource::getInputStream));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        int topics = scope.asSystem(() -> transaction.execute(status -> activities()));
        log.info("Talent demo: {}; {} topics", report.summary(), topics);
        return report;
    }

    /** Topics from each program enterprise, some chosen and confirmed; milestones and hours for the students. */
    private int activities() {
        Random random = new Random(42);
        List<Map<String, Object>> students = jdbc.sql("""
                        select s.id, s.ext_id, s.enterprise_id, s.background, p.cohort_year, p.industry_code, p.discipline_code
                        from talent_student s join talent_program p on p.id = s.program_id
                        where s.illustrative and s.status = 'enrolled' order by s.id""")
                .query().listOfRows();
        int topics = 0;
        for (Map<String, Object> s : students) {
            long id = ((Number) s.get("id")).longValue();
            String background = (String) s.get("background");
            boolean withTopic = random.nextInt(3) > 0;
            String extId = "demo-topic-" + s.get("ext_id");
            jdbc.sql("""
                            insert into talent_topic (ext_id, organization_id, title_zh, title_en, description, discipline_code, industry_code,
                                status, student_id, academic_confirmed, industrial_confirmed, illustrative)
                            values (:e, :o, :zh, :en, :d, :disc, :ind, :st, :s, :a, :i, true) on conflict (ext_id) do nothing""")
                    .param("e", extId).param("o", s.get("enterprise_id"))
                    .param("zh", "示例命题：" + background.split(" ")[0] + "关键技术研究")
                    .param("en", "Illustrative topic: key techniques of " + background.split(" ")[0])
                    .param("d", "示例数据 / Illustrative. " + background).param("disc", s.get("discipline_code")).param("ind", s.get("industry_code"))
                    .param("st", withTopic ? "confirmed" : "open").param("s", withTopic ? id : null)
                    .param("a", withTopic).param("i", withTopic).update();
            topics++;
            int cohort = ((Number) s.get("cohort_year")).intValue();
            milestone(id, "proposal", LocalDate.of(cohort + 1, 3, 15), "passed");
            milestone(id, "midterm", LocalDate.of(cohort + 2, 1, 10), LocalDate.of(cohort + 2, 1, 10).isBefore(LocalDate.now()) ? "passed" : "planned");
            milestone(id, "defense", LocalDate.of(cohort + 3, 5, 30), "planned");
            hours(id, random);
        }
        events.publishEvent(new AuditableChange("import", "talent_topic", "demo", null,
                Map.of("topics", topics, "students", students.size(), "illustrative", true)));
        return topics;
    }

    private void milestone(long student, String kind, LocalDate due, String status) {
        jdbc.sql("""
                        insert into talent_milestone (student_id, kind, due_date, done_date, status) values (:s, :k, :d, :done, :st)
                        on conflict do nothing""")
                .param("s", student).param("k", kind).param("d", due).param("done", status.equals("planned") ? null : due).param("st", status)
                .update();
    }

    /** About 40 days of practice in the past months, most approved, the last few pending. */
    private void hours(long student, Random random) {
        LocalDate day = LocalDate.now().minusDays(120);
        int days = 30 + random.nextInt(20);
        for (int i = 0; i < days; i++) {
            day = day.plusDays(1 + random.nextInt(3));
            if (day.isAfter(LocalDate.now())) {
                break;
            }
            boolean pending = i >= days - 3;
            jdbc.sql("""
                            insert into talent_practice_log (student_id, work_date, hours, description, status, decided_at)
                            values (:s, :d, :h, :desc, :st, :at)""")
                    .param("s", student).param("d", day).param("h", java.math.BigDecimal.valueOf(4 + random.nextInt(9)))
                    .param("desc", "示例：企业现场实践 / Illustrative: practice at the enterprise").param("st", pending ? "pending" : "approved")
                    .param("at", pending ? null : java.time.OffsetDateTime.now()).update();
        }
    }
}
