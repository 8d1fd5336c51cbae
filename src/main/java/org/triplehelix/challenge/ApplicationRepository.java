package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.triplehelix.shared.Text;

/** Applications, their consortium members, commitments and attachments. */
@Repository
class ApplicationRepository {

    /** An organization of the registry as a consortium needs it. */
    record Org(long id, String extId, Text name, String type, Long parentId) {
    }

    record Person(long id, String extId, Text name, Long organizationId) {
    }

    /**
     * Who may see an application: its applicant, its consortium's organizations, its challenge's panel (not once
     * withdrawn); and what may be done with it: its status and its lead organization.
     */
    record Access(long applicationId, long challengeId, Long applicantUserId, List<Long> organizationIds, String status,
                  long leadOrganizationId) {

        boolean withdrawn() {
            return "withdrawn".equals(status);
        }
    }

    private final JdbcClient jdbc;

    ApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Org> organization(String extId) {
        return jdbc.sql("select id, ext_id, name_zh, name_en, type, parent_id from organization where ext_id = :e").param("e", extId)
                .query((rs, n) -> org(rs, n)).optional();
    }

    Optional<Org> organization(long id) {
        return jdbc.sql("select id, ext_id, name_zh, name_en, type, parent_id from organization where id = :id").param("id", id)
                .query((rs, n) -> org(rs, n)).optional();
    }

    private static Org org(ResultSet rs, int n) throws SQLException {
        return new Org(rs.getLong("id"), rs.getString("ext_id"), Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en")),
                rs.getString("type"), (Long) rs.getObject("parent_id"));
    }

    Optional<Person> person(String extId) {
        return jdbc.sql("select id, ext_id, name_zh, name_en, organization_id from person where ext_id = :e").param("e", extId)
                .query((rs, n) -> new Person(rs.getLong("id"), rs.getString("ext_id"), Text.ofNullable(rs.getString("name_zh"),
                        rs.getString("name_en")), (Long) rs.getObject("organization_id"))).optional();
    }

    /** Whether the organization leads an application to the challenge that is not withdrawn. */
    boolean exists(long challengeId, long leadOrganizationId) {
        return jdbc.sql("""
                        select exists (select 1 from challenge_application where challenge_id = :c and lead_organization_id = :o
                                       and status <> 'withdrawn')
                        """)
                .param("c", challengeId).param("o", leadOrganizationId).query(Boolean.class).single();
    }

    long insert(long challengeId, long leadId, Long applicantUserId, String plan) {
        return jdbc.sql("""
                        insert into challenge_application (challenge_id, lead_organization_id, applicant_user_id, plan)
                        values (:c, :lead, :user, :plan) returning id
                        """).param("c", challengeId).param("lead", leadId).param("user", applicantUserId).param("plan", plan)
                .query(Long.class).single();
    }

    void member(long applicationId, String role, Long organizationId, Long personId) {
        jdbc.sql("insert into application_member (application_id, role, organization_id, person_id) values (:a, :role, :o, :p)")
                .param("a", applicationId).param("role", role).param("o", organizationId).param("p", personId).update();
    }

    void commitment(long applicationId, long targetId, BigDecimal value) {
        jdbc.sql("insert into application_commitment (application_id, target_id, value) values (:a, :t, :v)")
                .param("a", applicationId).param("t", targetId).param("v", value).update();
    }

    Optional<Access> access(long applicationId) {
        return jdbc.sql("""
                        select a.id, a.challenge_id, a.applicant_user_id,
                               array(select m.organization_id from application_member m where m.application_id = a.id
                                     and m.organization_id is not null) orgs, a.status, a.lead_organization_id
                        from challenge_application a where a.id = :id
                        """).param("id", applicationId)
                .query((rs, n) -> new Access(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3),
                        List.of((Long[]) rs.getArray(4).getArray()), rs.getString(5), rs.getLong(6))).optional();
    }

    /** Withdraws a submitted application (kept, as withdrawn); false when it is no longer submitted. */
    boolean withdraw(long applicationId) {
        return jdbc.sql("""
                        update challenge_application set status = 'withdrawn', withdrawn_at = now(), version = version + 1
                        where id = :id and status = 'submitted'
                        """).param("id", applicationId).update() == 1;
    }

    /** Saves an edited plan at the version it was read at; false when it changed meanwhile (or is no longer submitted). */
    boolean update(long applicationId, int version, String plan) {
        return jdbc.sql("""
                        update challenge_application set plan = :plan, version = version + 1, updated_at = now()
                        where id = :id and version = :v and status = 'submitted'
                        """).param("plan", plan).param("id", applicationId).param("v", version).update() == 1;
    }

    /** Removes the partners, people and commitments of an application (before it is saved again as edited). */
    void clearConsortium(long applicationId) {
        jdbc.sql("delete from application_member where application_id = :a and role <> 'lead'").param("a", applicationId).update();
        jdbc.sql("delete from application_commitment where application_id = :a").param("a", applicationId).update();
    }

    /** Whether the organization is the challenge's sponsor or one of the sponsor's units (its subtree). */
    boolean sponsorSide(long challengeId, long organizationId) {
        return jdbc.sql("""
                        select exists (select 1 from challenge c where c.id = :c and c.sponsor_organization_id is not null
                                       and :o in (select s.id from organization_subtree(c.sponsor_organization_id) s))
                        """).param("c", challengeId).param("o", organizationId).query(Boolean.class).single();
    }

    boolean onPanel(long challengeId, long userId) {
        return jdbc.sql("select exists (select 1 from challenge_reviewer where challenge_id = :c and user_id = :u)")
                .param("c", challengeId).param("u", userId).query(Boolean.class).single();
    }

    List<Long> ofChallenge(long challengeId) {
        return jdbc.sql("select id from challenge_application where challenge_id = :c order by id").param("c", challengeId)
                .query(Long.class).list();
    }

    Optional<ApplicationView> view(long id) {
        return jdbc.sql("""
                        select a.*, c.ext_id c_ext, c.title_zh, c.title_en, c.status c_status
                        from challenge_application a join challenge c on c.id = a.challenge_id where a.id = :id
                        """).param("id", id).query((rs, n) -> view(rs)).optional();
    }

    private ApplicationView view(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<ApplicationView.Member> members = members(id);
        return new ApplicationView(id, rs.getLong("challenge_id"), rs.getString("c_ext"),
                Text.ofNullable(rs.getString("title_zh"), rs.getString("title_en")), ChallengeStatus.of(rs.getString("c_status")),
                members.stream().filter(m -> m.kind().equals("lead")).findFirst().orElse(null),
                members.stream().filter(m -> m.kind().equals("partner")).toList(),
                members.stream().filter(m -> m.kind().equals("person")).toList(),
                rs.getString("plan"), rs.getString("status"), rs.getTimestamp("submitted_at").toInstant(), commitments(id), attachments(id),
                instant(rs, "updated_at"), instant(rs, "withdrawn_at"), rs.getInt("version"));
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    List<ApplicationView.Member> members(long applicationId) {
        return jdbc.sql("""
                        select m.role, coalesce(p.ext_id, o.ext_id) ext_id, coalesce(p.name_zh, o.name_zh) name_zh,
                               coalesce(p.name_en, o.name_en) name_en, o.type
                        from application_member m left join organization o on o.id = m.organization_id
                        left join person p on p.id = m.person_id
                        where m.application_id = :a order by m.id
                        """).param("a", applicationId)
                .query((rs, n) -> new ApplicationView.Member(rs.getString("role"), rs.getString("ext_id"),
                        Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en")), rs.getString("type"))).list();
    }

    private List<ApplicationView.Commitment> commitments(long applicationId) {
        return jdbc.sql("""
                        select t.*, c.value from challenge_target t
                        join challenge_application a on a.challenge_id = t.challenge_id
                        left join application_commitment c on c.target_id = t.id and c.application_id = a.id
                        where a.id = :a order by t.position
                        """).param("a", applicationId).query((rs, n) -> {
                    Target target = new Target(rs.getLong("id"), rs.getInt("position"), rs.getString("indicator"), rs.getString("unit"),
                            rs.getBigDecimal("threshold"), rs.getBoolean("higher_is_better"));
                    BigDecimal value = rs.getBigDecimal("value");
                    return new ApplicationView.Commitment(target.position(), target.indicator(), target.unit(), target.threshold(),
                            target.higherIsBetter(), value, target.met(value));
                }).list();
    }

    private List<ApplicationView.Attachment> attachments(long applicationId) {
        return jdbc.sql("select id, file_name, content_type, size from application_attachment where application_id = :a order by id")
                .param("a", applicationId).query((rs, n) -> new ApplicationView.Attachment(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getInt(4))).list();
    }

    int attachmentCount(long applicationId) {
        return jdbc.sql("select count(*) from application_attachment where application_id = :a").param("a", applicationId)
                .query(Integer.class).single();
    }

    long attach(long applicationId, String fileName, String contentType, byte[] content) {
        return jdbc.sql("""
                        insert into application_attachment (application_id, file_name, content_type, size, content)
                        values (:a, :name, :type, :size, :content) returning id
                        """).param("a", applicationId).param("name", fileName).param("type", contentType)
                .param("size", content.length).param("content", content).query(Long.class).single();
    }

    Optional<AttachmentContent> attachment(long applicationId, long attachmentId) {
        return jdbc.sql("select file_name, content_type, content from application_attachment where id = :id and application_id = :a")
                .param("id", attachmentId).param("a", applicationId)
                .query((rs, n) -> new AttachmentContent(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** The organization and its ancestors, nearest first (the walk stops at a cycle). */
    List<Org> chain(Long organizationId) {
        List<Org> chain = new ArrayList<>();
        Long next = organizationId;
        while (next != null && chain.size() < 50) {
            long current = next;
            if (chain.stream().anyMatch(o -> o.id() == current)) {
                break;
            }
            Optional<Org> org = organization(current);
            if (org.isEmpty()) {
                break;
            }
            chain.add(org.get());
            next = org.get().parentId();
        }
        return chain;
    }

    /** Rows of the applications of a challenge for the ranking (the withdrawn left out): id, lead name, status, reviews, average total. */
    List<Map<String, Object>> rankingRows(long challengeId) {
        return jdbc.sql("""
                        select a.id, o.name_zh, o.name_en, a.status, count(s.total) reviews, round(avg(s.total), 2) average
                        from challenge_application a join organization o on o.id = a.lead_organization_id
                        left join review_score s on s.application_id = a.id
                        where a.challenge_id = :c and a.status <> 'withdrawn' group by a.id, o.name_zh, o.name_en, a.status
                        order by avg(s.total) desc nulls last, a.id
                        """).param("c", challengeId).query().listOfRows();
    }
}
