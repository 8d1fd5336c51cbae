package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.db.Collations;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The challenge tables: calls, targets and their state. */
@Repository
class ChallengeRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Who may see which drafts: all (the department), or those the user created or their enterprise sponsors. */
    record DraftScope(boolean all, Long userId, Long enterpriseOrganizationId) {
    }

    /** A list's filters; null restricts nothing. {@code english}: titles sorted by their English text first. */
    record Filter(String status, String technology, String q, Collection<Long> ids, Challenges.Sort sort, boolean english) {
    }

    private static final String VIEW = """
            select c.*, k.name_zh k_zh, k.name_en k_en, coalesce(c.industry_code, k.industry_code) ind_code,
                   i.name_zh i_zh, i.name_en i_en, o.ext_id o_ext, o.name_zh o_zh, o.name_en o_en,
                   (select count(*) from challenge_application a where a.challenge_id = c.id and a.status <> 'withdrawn') applications,
                   w.ext_id w_ext, w.name_zh w_zh, w.name_en w_en
            from challenge c
            left join key_core_technology k on k.code = c.technology_code
            left join industry i on i.code = coalesce(c.industry_code, k.industry_code)
            left join organization o on o.id = c.sponsor_organization_id
            left join challenge_application wa on wa.id = c.awarded_application_id
            left join organization w on w.id = wa.lead_organization_id
            """;

    /**
     * The organizations a user acts for, as SQL parameters: their own (may be null) and, for an
     * ORG_ADMIN, the root of the subtree they administer (null otherwise).
     */
    record Acting(Long organizationId, Long subtreeRoot) {
        static final Acting NOBODY = new Acting(null, null);

        boolean none() {
            return organizationId == null && subtreeRoot == null;
        }
    }

    /**
     * Open invitations of the acting organizations: the challenge is published and open until its
     * deadline, and the organization is not yet in one of its consortia (as lead or partner).
     */
    private static final String OPEN_INVITATIONS = """
             from challenge_invitation i
             join challenge c on c.id = i.challenge_id
             join organization o on o.id = i.organization_id
             where (i.organization_id = cast(:org as bigint)
                    or i.organization_id in (select s.id from organization_subtree(cast(:root as bigint)) s))
               and c.status = 'published' and c.deadline > now()
               and (cast(:challenge as bigint) is null or i.challenge_id = cast(:challenge as bigint))
               and not exists (select 1 from challenge_application a join application_member m on m.application_id = a.id
                               where a.challenge_id = i.challenge_id and m.organization_id = i.organization_id
                                 and m.role in ('lead', 'partner') and a.status <> 'withdrawn')
               and (c.sponsor_organization_id is null
                    or i.organization_id not in (select s.id from organization_subtree(c.sponsor_organization_id) s))
            """;

    private final JdbcClient jdbc;
    private final Collations collations;

    ChallengeRepository(JdbcClient jdbc, Collations collations) {
        this.jdbc = jdbc;
        this.collations = collations;
    }

    long insert(String extId, ChallengeDraft draft, String sponsorKind, Long sponsorOrganizationId, Long createdBy, boolean illustrative) {
        long id = jdbc.sql("""
                        insert into challenge (ext_id, technology_code, industry_code, title_zh, title_en, problem_zh, problem_en,
                            sponsor_kind, sponsor_organization_id, created_by, budget, duration_months, eligibility, ip_terms,
                            deadline, rubric, illustrative)
                        values (:extId, :tech, :industry, :titleZh, :titleEn, :problemZh, :problemEn, :sponsorKind, :sponsorOrg,
                            :createdBy, :budget, :months, :eligibility, :ip, :deadline, cast(:rubric as jsonb), :illustrative)
                        returning id
                        """)
                .param("extId", extId).param("tech", draft.technologyCode()).param("industry", draft.industryCode())
                .param("titleZh", draft.titleZh()).param("titleEn", draft.titleEn())
                .param("problemZh", draft.problemZh()).param("problemEn", draft.problemEn())
                .param("sponsorKind", sponsorKind).param("sponsorOrg", sponsorOrganizationId).param("createdBy", createdBy)
                .param("budget", draft.budget()).param("months", draft.durationMonths()).param("eligibility", draft.eligibility())
                .param("ip", draft.ipTerms()).param("deadline", Timestamp.from(draft.deadline()))
                .param("rubric", JSON.writeValueAsString(draft.rubric())).param("illustrative", illustrative)
                .query(Long.class).single();
        insertTargets(id, draft.targets());
        return id;
    }

    /** Saves an edited draft (its targets replaced) at the version it was read at; false when it changed meanwhile. */
    boolean update(long id, int version, ChallengeDraft draft) {
        int updated = jdbc.sql("""
                        update challenge set technology_code = :tech, industry_code = :industry, title_zh = :titleZh, title_en = :titleEn,
                            problem_zh = :problemZh, problem_en = :problemEn, budget = :budget, duration_months = :months,
                            eligibility = :eligibility, ip_terms = :ip, deadline = :deadline, rubric = cast(:rubric as jsonb),
                            version = version + 1, updated_at = now()
                        where id = :id and version = :version and status = 'draft'
                        """)
                .param("tech", draft.technologyCode()).param("industry", draft.industryCode())
                .param("titleZh", draft.titleZh()).param("titleEn", draft.titleEn())
                .param("problemZh", draft.problemZh()).param("problemEn", draft.problemEn())
                .param("budget", draft.budget()).param("months", draft.durationMonths()).param("eligibility", draft.eligibility())
                .param("ip", draft.ipTerms()).param("deadline", Timestamp.from(draft.deadline()))
                .param("rubric", JSON.writeValueAsString(draft.rubric())).param("id", id).param("version", version).update();
        if (updated != 1) {
            return false;
        }
        jdbc.sql("delete from challenge_target where challenge_id = :id").param("id", id).update();
        insertTargets(id, draft.targets());
        return true;
    }

    private void insertTargets(long id, List<Target> targets) {
        int position = 0;
        for (Target target : targets) {
            jdbc.sql("""
                            insert into challenge_target (challenge_id, position, indicator, unit, threshold, higher_is_better)
                            values (:id, :position, :indicator, :unit, :threshold, :higher)
                            """)
                    .param("id", id).param("position", ++position).param("indicator", target.indicator()).param("unit", target.unit())
                    .param("threshold", target.threshold()).param("higher", target.higherIsBetter()).update();
        }
    }

    Optional<Long> idOf(String extId) {
        return jdbc.sql("select id from challenge where ext_id = :extId").param("extId", extId).query(Long.class).optional();
    }

    boolean technologyExists(String code) {
        return jdbc.sql("select exists (select 1 from key_core_technology where code = :code)").param("code", code)
                .query(Boolean.class).single();
    }

    boolean industryExists(String code) {
        return jdbc.sql("select exists (select 1 from industry where code = :code)").param("code", code).query(Boolean.class).single();
    }

    /** The aggregate, locked for the rest of the transaction (so that two awards cannot both pass). */
    Optional<Challenge> lock(long id) {
        return jdbc.sql("select id, ext_id, status, deadline, sponsor_organization_id, created_by, version from challenge where id = :id for update")
                .param("id", id).query((rs, n) -> aggregate(rs, n)).optional();
    }

    Optional<Challenge> aggregate(long id) {
        return jdbc.sql("select id, ext_id, status, deadline, sponsor_organization_id, created_by, version from challenge where id = :id")
                .param("id", id).query((rs, n) -> aggregate(rs, n)).optional();
    }

    private static Challenge aggregate(ResultSet rs, int row) throws SQLException {
        return new Challenge(rs.getLong("id"), rs.getString("ext_id"), ChallengeStatus.of(rs.getString("status")),
                rs.getTimestamp("deadline").toInstant(), (Long) rs.getObject("sponsor_organization_id"),
                (Long) rs.getObject("created_by"), rs.getInt("version"));
    }

    /** Saves the aggregate's status (and the columns a transition sets), checking the version it was read at. */
    void saveStatus(Challenge challenge, Map<String, Object> columns) {
        StringBuilder set = new StringBuilder("status = :status, version = version + 1, updated_at = now()");
        columns.keySet().forEach(column -> set.append(", ").append(column).append(" = :").append(column));
        var spec = jdbc.sql("update challenge set " + set + " where id = :id and version = :version")
                .param("status", challenge.status().code()).param("id", challenge.id()).param("version", challenge.version());
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            Object value = column.getValue() instanceof Instant instant ? Timestamp.from(instant) : column.getValue();
            spec = spec.param(column.getKey(), value);
        }
        if (spec.update() != 1) {
            throw new org.triplehelix.shared.ConflictException("the challenge was changed meanwhile; reload and try again",
                    "challenge.conflict.stale");
        }
    }

    Optional<ChallengeView> view(long id) {
        return jdbc.sql(VIEW + " where c.id = :id").param("id", id).query((rs, n) -> view(rs, n)).optional();
    }

    Page<ChallengeView> list(Filter filter, DraftScope drafts, int page, int size) {
        String where = """
                 where (:status::text is null or c.status = :status or (:status = 'in_delivery' and c.status in ('awarded', 'in_progress')))
                   and (:tech::text is null or c.technology_code = :tech)
                   and (:q::text is null or lower(coalesce(c.title_zh, '') || ' ' || coalesce(c.title_en, '') || ' '
                        || coalesce(c.problem_zh, '') || ' ' || coalesce(c.problem_en, '')) like '%' || lower(:q) || '%')
                   and (:noIds or c.id = any(:ids))
                   and (c.status <> 'draft' or :allDrafts or c.created_by = :userId or c.sponsor_organization_id = :entOrg)
                """;
        String order = switch (filter.sort() == null ? Challenges.Sort.NEWEST : filter.sort()) {
            case DEADLINE -> "c.deadline asc, c.id";
            case BUDGET -> "c.budget desc nulls last, c.id";
            // the title in the reader's language when there is one, in ICU's order for it (Chinese by pinyin) when the database has it
            case TITLE -> collations.inLanguage("c.title_zh", "c.title_en", filter.english()) + ", c.id";
            case NEWEST -> "c.created_at desc, c.id desc";
        };
        Long[] ids = filter.ids() == null ? new Long[0] : filter.ids().toArray(Long[]::new);
        long total = bind(jdbc.sql("select count(*) from challenge c " + where), filter, drafts, ids).query(Long.class).single();
        List<ChallengeView> items = bind(jdbc.sql(VIEW + where + " order by " + order + " limit :limit offset :offset"), filter, drafts, ids)
                .param("limit", size).param("offset", (long) page * size).query((rs, n) -> view(rs, n)).list();
        return new Page<>(items, page, size, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter, DraftScope drafts, Long[] ids) {
        return spec.param("status", filter.status()).param("tech", filter.technology()).param("q", filter.q())
                .param("noIds", filter.ids() == null).param("ids", ids)
                .param("allDrafts", drafts.all()).param("userId", drafts.userId()).param("entOrg", drafts.enterpriseOrganizationId());
    }

    /** One page of the acting organizations' open invitations (to one challenge, or all when null), soonest deadline first. */
    Page<InvitationView> openInvitations(Acting acting, Long challengeId, int page, int size) {
        long total = jdbc.sql("select count(*)" + OPEN_INVITATIONS)
                .param("org", acting.organizationId()).param("root", acting.subtreeRoot()).param("challenge", challengeId)
                .query(Long.class).single();
        if (total == 0) {
            return new Page<>(List.of(), page, size, 0);
        }
        List<InvitationView> items = jdbc.sql(INVITATION + OPEN_INVITATIONS + " order by c.deadline, c.id, o.id limit :limit offset :offset")
                .param("org", acting.organizationId()).param("root", acting.subtreeRoot()).param("challenge", challengeId)
                .param("limit", size).param("offset", (long) page * size)
                .query(ChallengeRepository::invitation).list();
        return new Page<>(items, page, size, total);
    }

    /** Every invitation to a challenge, open or not, in the order they were made. */
    List<InvitationView> invitations(long challengeId) {
        return jdbc.sql(INVITATION + """
                         from challenge_invitation i
                         join challenge c on c.id = i.challenge_id
                         join organization o on o.id = i.organization_id
                         where i.challenge_id = :challenge
                         order by i.invited_at, o.id
                        """).param("challenge", challengeId).query(ChallengeRepository::invitation).list();
    }

    private static final String INVITATION = """
            select c.ext_id, c.title_zh, c.title_en, c.deadline, o.ext_id o_ext, o.name_zh o_zh, o.name_en o_en,
                   i.invited_at, (select u.name from app_user u where u.id = i.invited_by) invited_by
            """;

    private static InvitationView invitation(ResultSet rs, int row) throws SQLException {
        return new InvitationView(rs.getString("ext_id"), Text.ofNullable(rs.getString("title_zh"), rs.getString("title_en")),
                rs.getString("o_ext"), Text.ofNullable(rs.getString("o_zh"), rs.getString("o_en")), rs.getString("invited_by"),
                rs.getTimestamp("invited_at").toInstant(), rs.getTimestamp("deadline").toInstant());
    }

    /** The number of the acting organizations' open invitations (the count on the navigation link). */
    long countOpenInvitations(Acting acting) {
        return jdbc.sql("select count(*)" + OPEN_INVITATIONS)
                .param("org", acting.organizationId()).param("root", acting.subtreeRoot()).param("challenge", null)
                .query(Long.class).single();
    }

    List<Target> targets(long challengeId) {
        return jdbc.sql("select * from challenge_target where challenge_id = :id order by position").param("id", challengeId)
                .query((rs, n) -> new Target(rs.getLong("id"), rs.getInt("position"), rs.getString("indicator"), rs.getString("unit"),
                        rs.getBigDecimal("threshold"), rs.getBoolean("higher_is_better"))).list();
    }

    /** Challenges by key core technology and status (the program view's raw counts). */
    List<Map<String, Object>> countsByTechnology() {
        return jdbc.sql("""
                        select k.code, k.name_zh, k.name_en, c.status, count(c.id) n
                        from key_core_technology k left join challenge c on c.technology_code = k.code and c.status <> 'draft'
                        group by k.code, k.name_zh, k.name_en, c.status order by k.code
                        """).query().listOfRows();
    }

    /** Ids of challenges in delivery (awarded or in progress), with their technology. */
    Map<Long, String> inDelivery() {
        Map<Long, String> result = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, technology_code from challenge where status in ('awarded', 'in_progress') order by id")
                .query(rs -> {
                    result.put(rs.getLong(1), rs.getString(2));
                });
        return result;
    }

    List<String> technologyCodes() {
        return jdbc.sql("select code from key_core_technology order by code").query(String.class).list();
    }

    List<Map<String, Object>> technologies() {
        return jdbc.sql("select code, name_zh, name_en, industry_code from key_core_technology order by code").query().listOfRows();
    }

    private ChallengeView view(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Timestamp awardedAt = rs.getTimestamp("awarded_at");
        return new ChallengeView(id, rs.getString("ext_id"), Text.ofNullable(rs.getString("title_zh"), rs.getString("title_en")),
                Text.ofNullable(rs.getString("problem_zh"), rs.getString("problem_en")), rs.getString("technology_code"),
                Text.ofNullable(rs.getString("k_zh"), rs.getString("k_en")), rs.getString("ind_code"),
                Text.ofNullable(rs.getString("i_zh"), rs.getString("i_en")), rs.getString("sponsor_kind"), rs.getString("o_ext"),
                Text.ofNullable(rs.getString("o_zh"), rs.getString("o_en")), rs.getBigDecimal("budget"),
                (Integer) rs.getObject("duration_months"), rs.getString("eligibility"), rs.getString("ip_terms"),
                rs.getTimestamp("deadline").toInstant(), ChallengeStatus.of(rs.getString("status")), rubric(rs.getString("rubric")),
                targets(id), rs.getBoolean("illustrative"), (Long) rs.getObject("awarded_application_id"), rs.getString("w_ext"),
                Text.ofNullable(rs.getString("w_zh"), rs.getString("w_en")),
                rs.getString("award_rationale"), awardedAt == null ? null : awardedAt.toInstant(), rs.getString("verdict"),
                rs.getString("verdict_note"), rs.getLong("applications"), null, rs.getInt("version"));
    }

    static List<Criterion> rubric(String json) {
        return JSON.readValue(json, new TypeReference<List<Criterion>>() { });
    }

    static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
