package org.triplehelix.insight;

import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Role;

/**
 * Records of a year no other test uses ({@value #YEAR}), so each indicator's value for that year is
 * known exactly on the shared test database. Rebuilt by each test class that uses it (earlier copies,
 * ids {@code ins-t-…}, are deleted first). Expected counts are written here by hand from the
 * records, independently of the indicator files.
 *
 * <pre>
 * organizations (established 1961 unless said): natlab national_laboratory 420111 (→ Wuhan 420100), illustrative;
 *   hblab provincial_laboratory 420500; nri new_rd_institution (no region); uni university 420100;
 *   ent enterprise 420600; ent2 enterprise 110000, no year
 * outputs (1961): out1 patent [ent, uni] joint; out2 paper [uni]; out3 achievement [natlab, ent2] joint;
 *   out4 project [ent]; out5 paper (no organization)
 * demands (posted 1961): d1 public open, ent, "武汉市", an industry; d2 parties closed, ent (its region);
 *   d3 signed_in closed, ent2, "420111"
 * consortium: uni (lead) and hblab (partner) apply to challenge ins-t-challenge; nri (lead) and hblab
 *   (partner) applied too but withdrew (no link: nri and hblab share nothing else)
 * bookings of facility fac (natlab's, 1961): b1 completed ✓ external 2.5 h; b2 completed ✓ internal 3 h;
 *   b3 completed, not confirmed; b4 cancelled
 * </pre>
 */
final class InsightFixture {

    static final int YEAR = 1961;
    static final String PREFIX = "ins-t-";

    final long natlab;
    final long hblab;
    final long nri;
    final long uni;
    final long ent;
    final long ent2;
    final String industry;
    final long b1;
    final long b2;

    private final JdbcClient jdbc;

    InsightFixture(ApplicationContext context) {
        jdbc = context.getBean(JdbcClient.class);
        clean();
        natlab = organization("natlab", "national_laboratory", "420111", YEAR);
        hblab = organization("hblab", "provincial_laboratory", "420500", YEAR);
        nri = organization("nri", "new_rd_institution", null, YEAR);
        uni = organization("uni", "university", "420100", YEAR);
        ent = organization("ent", "enterprise", "420600", YEAR);
        ent2 = organization("ent2", "enterprise", "110000", null);
        output("out1", "patent", ent, uni);
        output("out2", "paper", uni);
        output("out3", "achievement", natlab, ent2);
        output("out4", "project", ent);
        output("out5", "paper");
        industry = jdbc.sql("select code from industry order by code limit 1").query(String.class).single();
        demand("d1", "public", "open", ent, "武汉市", industry);
        demand("d2", "parties", "closed", ent, null, null);
        demand("d3", "signed_in", "closed", ent2, "420111", null);
        long facility = jdbc.sql("insert into facility (ext_id, name_zh, name_en, organization_id) values (:id, '测试电镜', 'Test microscope', :org) returning id")
                .param("id", PREFIX + "fac").param("org", natlab).query(Long.class).single();
        long user = AccessFixtures.of(context).user(ent, Role.ENTERPRISE).id();
        long challenge = consortium(uni, hblab);
        application(challenge, nri, hblab, "withdrawn");
        b1 = booking(facility, user, "03-01", "completed", true, "external", "2.5");
        b2 = booking(facility, user, "03-02", "completed", true, "internal", "3");
        booking(facility, user, "03-03", "completed", false, "external", "4");
        booking(facility, user, "03-04", "cancelled", false, "external", null);
    }

    /** The record ids each indicator counts in {@value #YEAR}: written from the records above, not from the files. */
    java.util.Map<String, Set<String>> expected() {
        return java.util.Map.of(
                "organization.platforms", ids("natlab", "hblab", "nri"),
                "organization.all", ids("natlab", "hblab", "nri", "uni", "ent"),
                "output.all", ids("out1", "out2", "out3", "out4", "out5"),
                "collaboration.joint-outputs", ids("out1", "out3"),
                "demand.posted", ids("d1", "d2", "d3"),
                "demand.answered", ids("d2", "d3"),
                "facility.bookings", Set.of("booking-" + b1, "booking-" + b2),
                "facility.external-hours", Set.of("booking-" + b1));
    }

    static Set<String> ids(String... names) {
        return java.util.Arrays.stream(names).map(n -> PREFIX + n).collect(java.util.stream.Collectors.toSet());
    }

    void clean() {
        jdbc.sql("delete from booking where facility_id in (select id from facility where ext_id like 'ins-t-%')").update();
        jdbc.sql("delete from facility where ext_id like 'ins-t-%'").update();
        jdbc.sql("delete from demand where ext_id like 'ins-t-%'").update();
        jdbc.sql("delete from challenge where ext_id like 'ins-t-%'").update();
        jdbc.sql("delete from output where ext_id like 'ins-t-%'").update();
        jdbc.sql("delete from app_user where organization_id in (select id from organization where ext_id like 'ins-t-%')").update();
        jdbc.sql("delete from organization where ext_id like 'ins-t-%'").update();
    }

    private long organization(String name, String type, String region, Integer established) {
        return jdbc.sql("""
                insert into organization (ext_id, type, name_zh, name_en, region_code, established, illustrative)
                values (:id, :type, :zh, :en, :region, :established, :id = 'ins-t-natlab') returning id""")
                .param("id", PREFIX + name).param("type", type).param("zh", "测试" + name).param("en", "Test " + name)
                .param("region", region).param("established", established).query(Long.class).single();
    }

    private void output(String name, String type, long... organizations) {
        long id = jdbc.sql("insert into output (ext_id, type, title_zh, year) values (:id, :type, :title, :year) returning id")
                .param("id", PREFIX + name).param("type", type).param("title", "测试成果 " + name).param("year", YEAR)
                .query(Long.class).single();
        for (int i = 0; i < organizations.length; i++) {
            jdbc.sql("insert into output_organization (output_id, organization_id, position) values (:o, :org, :p)")
                    .param("o", id).param("org", organizations[i]).param("p", i).update();
        }
    }

    private void demand(String name, String visibility, String status, long organization, String region, String industry) {
        jdbc.sql("""
                insert into demand (ext_id, title_zh, title_en, organization_id, region, industry, visibility, status, created_at)
                values (:id, :title, :en, :org, :region, :industry, :visibility, :status, timestamptz '1961-06-01 10:00+08')""")
                .param("id", PREFIX + name).param("title", "机密需求标题 " + name).param("en", "Secret demand title " + name)
                .param("org", organization).param("region", region).param("industry", industry)
                .param("visibility", visibility).param("status", status).update();
    }

    /** A challenge with one application: the lead and a partner form a consortium (a link of the network). */
    private long consortium(long lead, long partner) {
        long challenge = jdbc.sql("""
                insert into challenge (ext_id, title_zh, sponsor_kind, deadline, status, rubric)
                values ('ins-t-challenge', '测试榜单', 'department', timestamptz '1961-12-31 00:00+08', 'published', '[]'::jsonb) returning id""")
                .query(Long.class).single();
        application(challenge, lead, partner, "submitted");
        return challenge;
    }

    private void application(long challenge, long lead, long partner, String status) {
        long application = jdbc.sql("""
                insert into challenge_application (challenge_id, lead_organization_id, plan, status, withdrawn_at)
                values (:c, :lead, 'plan', :status, case when :status = 'withdrawn' then now() end) returning id""")
                .param("c", challenge).param("lead", lead).param("status", status).query(Long.class).single();
        jdbc.sql("insert into application_member (application_id, role, organization_id) values (:a, 'lead', :lead), (:a, 'partner', :partner)")
                .param("a", application).param("lead", lead).param("partner", partner).update();
    }

    private long booking(long facility, long user, String day, String status, boolean confirmed, String rateClass, String hours) {
        return jdbc.sql("""
                insert into booking (facility_id, user_id, period, status, rate_class, actual_start, used_hours, usage_confirmed_at)
                values (:f, :u, tstzrange(timestamptz '1961-%1$s 09:00+08', timestamptz '1961-%1$s 12:00+08'), :status, :rate,
                        timestamptz '1961-%1$s 09:00+08', :hours, case when :confirmed then now() end) returning id""".formatted(day))
                .param("f", facility).param("u", user).param("status", status).param("rate", rateClass)
                .param("hours", hours == null ? null : new java.math.BigDecimal(hours)).param("confirmed", confirmed)
                .query(Long.class).single();
    }

    static final List<String> SHIPPED = List.of("organization.platforms", "organization.all", "output.all",
            "collaboration.joint-outputs", "demand.posted", "demand.answered", "facility.bookings", "facility.external-hours");
}
