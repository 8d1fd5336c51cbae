package org.triplehelix.facility;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triplehelix.access.Account;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Role;

/**
 * A known year of usage (2001, which no other test books) for the indicators and the statements.
 * Built afresh by each test class that uses it: earlier copies (facilities {@code test-ind-…})
 * are deleted first, so the region totals are exact on a reused test database.
 *
 * <pre>
 * organizations: university U (district 420111 → Wuhan 420100) with unit L (420111); enterprise E (Yichang 420500)
 * facilities:    F1 of L (hourly), F2 of U (region 420102 → 420100), F3 of E
 * users:         l1 of L, u2 of U, e1 and e2 of E
 * bookings (local time, Asia/Shanghai; ✓ usage confirmed):
 *   b1 F1 l1 internal 2001-03-05 09:00 3.00 h   300.00 ✓
 *   b2 F1 e1 external 2001-03-06 09:00 2.50 h   750.00 ✓
 *   b3 F1 e2 external 2001-04-02 09:00 4.00 h  1200.00 ✓
 *   b4 F1 e1 external 2001-03-07 09:00 5.00 h  1500.00   (not confirmed: not counted)
 *   b5 F1 e1 cancelled 2001-03-08 09:00                  (not counted)
 *   b6 F2 e1 external 2001-03-31 23:30 1.00 h   200.00 ✓ (15:30 UTC: March locally)
 *   b7 F2 u2 internal 2001-01-01 00:30 2.00 h   100.00 ✓ (2000-12-31 UTC: January locally)
 *   b8 F3 l1 external 2001-06-11 14:00 6.00 h   600.00 ✓
 * </pre>
 */
final class UsageFixture {

    final long university;
    final long laboratory;
    final long enterprise;
    final String f1;
    final String f2;
    final String f3;
    final Account l1;
    final Account u2;
    final Account e1;
    final Account e2;
    final long b1;
    final long b2;
    final long b6;

    private final JdbcClient jdbc;

    UsageFixture(FacilityFixtures fixtures) {
        this.jdbc = fixtures.jdbc();
        jdbc.sql("delete from booking where facility_id in (select id from facility where ext_id like 'test-ind-%')").update();
        jdbc.sql("delete from facility where ext_id like 'test-ind-%'").update();
        AccessFixtures access = fixtures.access();
        university = organization(access, "Usage University", null, "420111");
        laboratory = organization(access, "Usage Laboratory", university, "420111");
        enterprise = organization(access, "Usage Enterprise", null, "420500");
        f1 = facility("F1", laboratory, null);
        f2 = facility("F2", university, "420102");
        f3 = facility("F3", enterprise, null);
        l1 = access.user(laboratory, Role.RESEARCHER);
        u2 = access.user(university, Role.RESEARCHER);
        e1 = access.user(enterprise, Role.ENTERPRISE);
        e2 = access.user(enterprise, Role.ENTERPRISE);
        b1 = booking(f1, l1, laboratory, "2001-03-05T09:00", "3.00", "internal", "100.00", "300.00", true, "completed");
        b2 = booking(f1, e1, enterprise, "2001-03-06T09:00", "2.50", "external", "300.00", "750.00", true, "completed");
        booking(f1, e2, enterprise, "2001-04-02T09:00", "4.00", "external", "300.00", "1200.00", true, "completed");
        booking(f1, e1, enterprise, "2001-03-07T09:00", "5.00", "external", "300.00", "1500.00", false, "completed");
        booking(f1, e1, enterprise, "2001-03-08T09:00", null, "external", null, null, false, "cancelled");
        b6 = booking(f2, e1, enterprise, "2001-03-31T23:30", "1.00", "external", "200.00", "200.00", true, "completed");
        booking(f2, u2, university, "2001-01-01T00:30", "2.00", "internal", "50.00", "100.00", true, "completed");
        booking(f3, l1, laboratory, "2001-06-11T14:00", "6.00", "external", "100.00", "600.00", true, "completed");
    }

    private long organization(AccessFixtures access, String name, Long parent, String region) {
        long id = access.organization(name, parent);
        jdbc.sql("update organization set region_code = :r where id = :id").param("r", region).param("id", id).update();
        return id;
    }

    private String facility(String name, long organization, String region) {
        String extId = AccessFixtures.unique("test-ind-" + name.toLowerCase());
        jdbc.sql("""
                        insert into facility (ext_id, type, name_zh, name_en, organization_id, region_code)
                        values (:e, 'instrument', :zh, :en, :o, :r)
                        """)
                .param("e", extId).param("zh", "仪器" + name).param("en", "Instrument " + name).param("o", organization)
                .param("r", region).update();
        return extId;
    }

    private long booking(String facility, Account user, long organization, String localStart, String hours, String rateClass,
                         String rate, String fee, boolean confirmed, String status) {
        Instant start = LocalDateTime.parse(localStart).atZone(FacilityTime.ZONE).toInstant();
        Instant end = start.plusSeconds(hours == null ? 3600 : new BigDecimal(hours).multiply(BigDecimal.valueOf(3600)).longValue());
        return jdbc.sql("""
                        insert into booking (facility_id, user_id, organization_id, period, status, rate_class, actual_start, actual_end,
                                             used_hours, fee_unit, unit_rate, fee, usage_confirmed_at)
                        values ((select id from facility where ext_id = :f), :u, :o, tstzrange(:start, :end, '[)'), :status, :rateClass,
                                :start, :end, :hours, 'hour', :rate, :fee, :confirmedAt)
                        returning id
                        """)
                .param("f", facility).param("u", user.id()).param("o", organization).param("start", Db.ts(start))
                .param("end", Db.ts(end)).param("status", status).param("rateClass", rateClass)
                .param("hours", hours == null ? null : new BigDecimal(hours)).param("rate", rate == null ? null : new BigDecimal(rate))
                .param("fee", fee == null ? null : new BigDecimal(fee)).param("confirmedAt", confirmed ? Db.ts(end) : null)
                .query(Long.class).single();
    }
}
