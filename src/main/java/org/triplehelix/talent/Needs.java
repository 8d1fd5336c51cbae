package org.triplehelix.talent;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.triplehelix.access.DataScope;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.Text;

/**
 * The need side and the reference data of the gap: enterprises' declared talent needs (public:
 * organization, industry, discipline or skill, year, headcount), universities' graduate figures,
 * and the discipline–industry crosswalk an administrator edits.
 */
@Service
public class Needs {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final TalentWriter writer;
    private final Lookup lookup;
    private final ApplicationEventPublisher events;

    Needs(JdbcClient jdbc, DataScope scope, TalentWriter writer, Lookup lookup, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.writer = writer;
        this.lookup = lookup;
        this.events = events;
    }

    public record Need(String extId, String organizationExtId, Text organization, long organizationId, String industryCode,
                       Text industry, String industryGroup, String disciplineCode, Text discipline, String skill,
                       String degreeLevel, int year, int headcount, boolean illustrative) {
    }

    public record CrosswalkEntry(String disciplineCode, Text discipline, String industryCode, Text industry, String industryGroup,
                                 int share, int disciplineTotal) {
    }

    public record Option(String code, Text name) {
    }

    private static final String SELECT = """
            select n.*, o.ext_id as o_ext, o.name_zh as o_zh, o.name_en as o_en, i.name_zh as i_zh, i.name_en as i_en,
                   i.industry_group, d.name_zh as d_zh, d.name_en as d_en
            from talent_need n join organization o on o.id = n.organization_id join industry i on i.code = n.industry_code
            left join discipline d on d.code = n.discipline_code
            """;

    public Page<Need> page(String organization, int page, int size) {
        int safeSize = Math.clamp(size, 1, 100);
        int safePage = Math.max(page, 0);
        String org = organization == null ? "" : organization;
        List<Need> items = jdbc.sql(SELECT + "where (:org = '' or o.ext_id = :org) order by n.year desc, n.headcount desc, n.ext_id limit :l offset :o")
                .param("org", org).param("l", safeSize).param("o", (long) safePage * safeSize)
                .query(Needs::need)
                .list();
        long total = jdbc.sql("select count(*) from talent_need n join organization o on o.id = n.organization_id where (:org = '' or o.ext_id = :org)")
                .param("org", org).query(Long.class).single();
        return new Page<>(items, safePage, safeSize, total);
    }

    /** One need (needs are public). */
    public Need need(String extId) {
        return jdbc.sql(SELECT + "where n.ext_id = :e").param("e", extId).query(Needs::need).optional()
                .orElseThrow(() -> new NotFoundException("need", extId));
    }

    private static Need need(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Need(rs.getString("ext_id"), rs.getString("o_ext"), Text.ofNullable(rs.getString("o_zh"), rs.getString("o_en")),
                rs.getLong("organization_id"), rs.getString("industry_code"), Text.ofNullable(rs.getString("i_zh"), rs.getString("i_en")),
                rs.getString("industry_group"), rs.getString("discipline_code"), Text.ofNullable(rs.getString("d_zh"), rs.getString("d_en")),
                rs.getString("skill"), rs.getString("degree_level"), rs.getInt("year"), rs.getInt("headcount"), rs.getBoolean("illustrative"));
    }

    /**
     * Changes a need (its industry, discipline or skill, degree, year, headcount): its organization's
     * users and managers, administrators. It stays with its organization, whoever edits it.
     */
    @Transactional
    public Need update(String extId, Fields fields) {
        Need need = need(extId);
        writer.saveNeed(fields.with("id", extId).with("organization", need.organizationExtId()), false);
        return need(extId);
    }

    /** Whether the caller may change or withdraw this need: its organization's users and managers, administrators. */
    public boolean canChange(Need need) {
        return writer.canDeclareNeeds(need.organizationId());
    }

    /** The external ids of those needs the caller may change or withdraw (the list's per-row links). */
    public Set<String> changeable(List<Need> needs) {
        return needs.stream().filter(this::canChange).map(Need::extId).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the caller may declare needs for some organization. */
    public boolean canDeclare() {
        return scope.isAdmin() || scope.currentUser().map(u -> u.organizationId() != null
                && writer.canDeclareNeeds(u.organizationId())).orElse(false);
    }

    // --- crosswalk --------------------------------------------------------------------------

    public List<CrosswalkEntry> crosswalk() {
        return jdbc.sql("""
                        select c.discipline_code, d.name_zh as d_zh, d.name_en as d_en, c.industry_code, i.name_zh as i_zh, i.name_en as i_en,
                               i.industry_group, c.share, sum(c.share) over (partition by c.discipline_code) as total
                        from talent_crosswalk c join discipline d on d.code = c.discipline_code join industry i on i.code = c.industry_code
                        order by c.discipline_code, c.share desc, c.industry_code""")
                .query((rs, n) -> new CrosswalkEntry(rs.getString(1), Text.ofNullable(rs.getString(2), rs.getString(3)), rs.getString(4),
                        Text.ofNullable(rs.getString(5), rs.getString(6)), rs.getString(7), rs.getInt(8), rs.getInt(9)))
                .list();
    }

    public boolean canEditCrosswalk() {
        return scope.isAdmin();
    }

    /** Sets the share of an industry in a discipline's graduates (adds the pair when new): administrators. */
    @Transactional
    public CrosswalkEntry setCrosswalk(String discipline, String industry, int share) {
        scope.requireAdmin();
        String d = lookup.discipline("discipline", discipline);
        String i = lookup.industry("industry", industry);
        if (share < 1 || share > 100) {
            throw new TalentInputException("share", "talent.reason.range", "share must be between 1 and 100", 1, 100);
        }
        Integer before = jdbc.sql("select share from talent_crosswalk where discipline_code = :d and industry_code = :i")
                .param("d", d).param("i", i).query(Integer.class).optional().orElse(null);
        jdbc.sql("""
                        insert into talent_crosswalk (discipline_code, industry_code, share) values (:d, :i, :s)
                        on conflict (discipline_code, industry_code) do update set share = excluded.share""")
                .param("d", d).param("i", i).param("s", share).update();
        Map<String, Object> after = Map.of("discipline", d, "industry", i, "share", share);
        events.publishEvent(before == null ? AuditableChange.created("talent_crosswalk", d + "/" + i, after)
                : AuditableChange.updated("talent_crosswalk", d + "/" + i, Map.of("share", before), after));
        return crosswalk().stream().filter(e -> e.disciplineCode().equals(d) && e.industryCode().equals(i)).findFirst().orElseThrow();
    }

    @Transactional
    public void removeCrosswalk(String discipline, String industry) {
        scope.requireAdmin();
        int removed = jdbc.sql("delete from talent_crosswalk where discipline_code = :d and industry_code = :i")
                .param("d", discipline).param("i", industry).update();
        if (removed == 0) {
            throw new NotFoundException("crosswalk", discipline + "/" + industry);
        }
        events.publishEvent(AuditableChange.deleted("talent_crosswalk", discipline + "/" + industry, Map.of("discipline", discipline, "industry", industry)));
    }

    public List<Option> disciplines() {
        return jdbc.sql("select code, name_zh, name_en from discipline where length(code) = 4 order by code")
                .query((rs, n) -> new Option(rs.getString(1), Text.ofNullable(rs.getString(2), rs.getString(3)))).list();
    }

    public List<Option> industries() {
        return jdbc.sql("select code, name_zh, name_en from industry order by array_position(array['traditional','emerging','future'], industry_group), code")
                .query((rs, n) -> new Option(rs.getString(1), Text.ofNullable(rs.getString(2), rs.getString(3)))).list();
    }
}
