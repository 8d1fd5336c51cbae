package org.triplehelix.talent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.matching.TextSimilarity;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.Text;

/**
 * Thesis topics set by enterprises (optionally answering a demand or a challenge). A student
 * sees the open topics ranked by the matching engine ({@link TextSimilarity}: their background
 * against the topic) and chooses one; both mentors confirm it. The enterprise's users post and
 * close their own topics.
 */
@Service
public class Topics {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Programs programs;
    private final TalentWriter writer;
    private final Lookup lookup;
    private final TextSimilarity similarity;
    private final ApplicationEventPublisher events;

    Topics(JdbcClient jdbc, DataScope scope, Programs programs, TalentWriter writer, Lookup lookup, TextSimilarity similarity,
           ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.programs = programs;
        this.writer = writer;
        this.lookup = lookup;
        this.similarity = similarity;
        this.events = events;
    }

    public record Topic(long id, String extId, String organizationExtId, Text organization, long organizationId, Text title,
                        String description, String disciplineCode, String industryCode, Text industry, String demandRef,
                        String status, String studentExtId, boolean academicConfirmed, boolean industrialConfirmed,
                        boolean illustrative) {

        /** The text the matching engine compares with a student's background. */
        public String matchText() {
            return String.join(" ", title.zh() == null ? "" : title.zh(), title.en() == null ? "" : title.en(),
                    description == null ? "" : description);
        }
    }

    /** The longest reference to the demand a topic answers (a demand's id or its title). */
    public static final int MAX_DEMAND_REF = Fields.MAX_NAME;

    public record TopicInput(String titleZh, String titleEn, String description, String discipline, String industry,
                             String demandRef, String organization) {
    }

    public record TopicMatch(Topic topic, double score, Double semantic, double lexical, List<String> sharedTerms) {
    }

    private static final String SELECT = """
            select t.*, o.ext_id as o_ext, o.name_zh as o_zh, o.name_en as o_en, i.name_zh as i_zh, i.name_en as i_en,
                   s.ext_id as s_ext
            from talent_topic t join organization o on o.id = t.organization_id
            left join industry i on i.code = t.industry_code left join talent_student s on s.id = t.student_id
            """;

    public Page<Topic> page(String status, int page, int size) {
        int safeSize = Math.clamp(size, 1, 100);
        int safePage = Math.max(page, 0);
        String theStatus = status == null ? "" : status;
        List<Topic> items = jdbc.sql(SELECT + " where (:st = '' or t.status = :st) order by t.created_at desc, t.id desc limit :l offset :o")
                .param("st", theStatus).param("l", safeSize).param("o", (long) safePage * safeSize).query(this::topicRow).list();
        long total = jdbc.sql("select count(*) from talent_topic t where (:st = '' or t.status = :st)").param("st", theStatus)
                .query(Long.class).single();
        return new Page<>(items, safePage, safeSize, total);
    }

    public Topic topic(String extId) {
        return jdbc.sql(SELECT + " where t.ext_id = :e").param("e", extId).query(this::topicRow).optional()
                .orElseThrow(() -> new NotFoundException("topic", extId));
    }

    /** The topic a student has chosen, if any. */
    public java.util.Optional<Topic> chosenBy(Programs.Student student) {
        return jdbc.sql(SELECT + " where t.student_id = :s").param("s", student.id()).query(this::topicRow).optional();
    }

    /** Whether the caller may post topics: an admin, or a user of an enterprise (ENTERPRISE or ORG_ADMIN of it). */
    public boolean canPost() {
        return scope.isAdmin() || scope.currentUser().filter(u -> u.organizationId() != null
                && (u.hasRole(Role.ENTERPRISE) || u.hasRole(Role.ORG_ADMIN))).isPresent();
    }

    public boolean canClose(Topic topic) {
        return writer.canDeclareNeeds(topic.organizationId());
    }

    @Transactional
    public Topic post(TopicInput input) {
        CurrentUser user = scope.isOperator() ? null : scope.requireSignedIn();
        String orgExtId = input.organization() != null && !input.organization().isBlank() ? input.organization().strip()
                : user == null || user.organizationId() == null ? null
                : jdbc.sql("select ext_id from organization where id = :id").param("id", user.organizationId()).query(String.class).single();
        if (orgExtId == null) {
            throw TalentInputException.required("organization");
        }
        long organization = lookup.organization("organization", orgExtId);
        writer.requireCanDeclareNeeds(organization);
        Fields.fitting("title_zh", input.titleZh(), Fields.MAX_NAME);
        Fields.fitting("title_en", input.titleEn(), Fields.MAX_NAME);
        Fields.fitting("description", input.description(), Fields.MAX_TEXT);
        Fields.fitting("demand_ref", input.demandRef(), MAX_DEMAND_REF);
        Text title = Text.ofNullable(input.titleZh(), input.titleEn());
        if (title == null) {
            throw new TalentInputException("title_zh", "talent.reason.titleRequired", "a title is required");
        }
        String discipline = blank(input.discipline()) ? null : lookup.discipline("discipline", input.discipline());
        String industry = blank(input.industry()) ? null : lookup.industry("industry", input.industry());
        String extId = "topic-" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.sql("""
                        insert into talent_topic (ext_id, organization_id, title_zh, title_en, description, discipline_code, industry_code,
                            demand_ref, created_by) values (:e, :o, :zh, :en, :d, :disc, :ind, :ref, :u)""")
                .param("e", extId).param("o", organization).param("zh", title.zh()).param("en", title.en())
                .param("d", blank(input.description()) ? null : input.description().strip()).param("disc", discipline)
                .param("ind", industry).param("ref", blank(input.demandRef()) ? null : input.demandRef().strip()).param("u", user == null ? null : user.id())
                .update();
        Topic topic = topic(extId);
        events.publishEvent(AuditableChange.created("talent_topic", extId, topic));
        return topic;
    }

    /** Closes a topic nobody has chosen (the enterprise withdraws it). */
    @Transactional
    public Topic close(String extId) {
        scope.requireSignedIn();
        Topic before = topic(extId);
        writer.requireCanDeclareNeeds(before.organizationId());
        if (!before.status().equals("open")) {
            throw new ConflictException("only an open topic can be closed; this one is " + before.status(), "talent.conflict.close." + before.status());
        }
        jdbc.sql("update talent_topic set status = 'closed' where id = :id").param("id", before.id()).update();
        Topic after = topic(extId);
        events.publishEvent(AuditableChange.updated("talent_topic", extId, before, after));
        return after;
    }

    /** The open topics ranked for the student (best first, ties by id); the student, mentors and managers. */
    public List<TopicMatch> matches(String studentExtId, int limit) {
        Programs.Student student = programs.student(studentExtId);
        List<Topic> open = jdbc.sql(SELECT + " where t.status = 'open' order by t.id").query(this::topicRow).list();
        String background = String.join(" ", student.background() == null ? "" : student.background(),
                student.programName() == null ? "" : student.programName().both());
        List<TextSimilarity.Score> scores = similarity.score(background, open.stream().map(Topic::matchText).toList());
        List<TopicMatch> matches = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            TextSimilarity.Score s = scores.get(i);
            matches.add(new TopicMatch(open.get(i), s.total(), s.semantic(), s.lexical(), s.sharedTerms()));
        }
        matches.sort(Comparator.comparingDouble(TopicMatch::score).reversed().thenComparingLong(m -> m.topic().id()));
        return matches.subList(0, Math.min(limit, matches.size()));
    }

    /** The student chooses an open topic (one at a time): only the student themself. */
    @Transactional
    public Topic choose(String studentExtId, String topicExtId) {
        scope.requireSignedIn();
        Programs.Student student = programs.student(studentExtId);
        if (!programs.isStudent(student)) {
            throw new AccessDeniedException("only the student chooses their topic");
        }
        Topic before = topic(topicExtId);
        if (chosenBy(student).isPresent()) {
            throw new ConflictException("you have already chosen a topic", "talent.conflict.alreadyChosen");
        }
        int updated = jdbc.sql("update talent_topic set status = 'chosen', student_id = :s where id = :id and status = 'open'")
                .param("s", student.id()).param("id", before.id()).update();
        if (updated == 0) {
            throw new ConflictException("this topic is no longer open", "talent.conflict.topicNotOpen");
        }
        Topic after = topic(topicExtId);
        events.publishEvent(AuditableChange.updated("talent_topic", topicExtId, before, after));
        return after;
    }

    /** A mentor of the student who chose the topic confirms it; confirmed by both, the topic is the student's. */
    @Transactional
    public Topic confirm(String topicExtId) {
        scope.requireSignedIn();
        Topic before = topic(topicExtId);
        if (before.studentExtId() == null) {
            throw new ConflictException("no student has chosen this topic", "talent.conflict.notChosen");
        }
        Programs.Student student = programs.find(before.studentExtId()).orElseThrow();
        boolean academic = programs.isAcademicMentor(student);
        boolean industrial = programs.isIndustrialMentor(student);
        if (!academic && !industrial) {
            throw new AccessDeniedException("only the student's mentors confirm a topic");
        }
        jdbc.sql("""
                        update talent_topic set academic_confirmed = academic_confirmed or :a, industrial_confirmed = industrial_confirmed or :i
                        where id = :id""")
                .param("a", academic).param("i", industrial).param("id", before.id()).update();
        jdbc.sql("update talent_topic set status = 'confirmed' where id = :id and academic_confirmed and industrial_confirmed")
                .param("id", before.id()).update();
        Topic after = topic(topicExtId);
        events.publishEvent(AuditableChange.updated("talent_topic", topicExtId, before, after));
        return after;
    }

    public boolean canConfirm(Topic topic) {
        if (topic.studentExtId() == null || topic.status().equals("confirmed")) {
            return false;
        }
        Programs.Student student = programs.find(topic.studentExtId()).orElseThrow();
        return programs.isAcademicMentor(student) && !topic.academicConfirmed()
                || programs.isIndustrialMentor(student) && !topic.industrialConfirmed();
    }

    private Topic topicRow(ResultSet rs, int n) throws SQLException {
        return new Topic(rs.getLong("id"), rs.getString("ext_id"), rs.getString("o_ext"), Text.ofNullable(rs.getString("o_zh"), rs.getString("o_en")),
                rs.getLong("organization_id"), Text.ofNullable(rs.getString("title_zh"), rs.getString("title_en")), rs.getString("description"),
                rs.getString("discipline_code"), rs.getString("industry_code"), Text.ofNullable(rs.getString("i_zh"), rs.getString("i_en")),
                rs.getString("demand_ref"), rs.getString("status"), rs.getString("s_ext"), rs.getBoolean("academic_confirmed"),
                rs.getBoolean("industrial_confirmed"), rs.getBoolean("illustrative"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static Map<String, Object> snapshot(Topic topic) {
        return Map.of("id", topic.extId(), "status", topic.status());
    }
}
