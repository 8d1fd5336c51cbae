package org.triplehelix.facility;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.triplehelix.access.Account;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.DataScope;

/**
 * Facilities for tests: a registry facility row (the registry's table, written directly), its
 * profile through the catalog, and calls made as a given account. Names are unique, so tests run
 * again and again on the same database.
 */
public final class FacilityFixtures {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final FacilityCatalog catalog;
    private final AccessFixtures access;

    private FacilityFixtures(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.scope = context.getBean(DataScope.class);
        this.catalog = context.getBean(FacilityCatalog.class);
        this.access = AccessFixtures.of(context);
    }

    public static FacilityFixtures of(ApplicationContext context) {
        return new FacilityFixtures(context);
    }

    public AccessFixtures access() {
        return access;
    }

    /** A facility row of the registry; its external id. */
    public String facility(String name, Long organizationId) {
        return facility("test-ins", name, organizationId);
    }

    /** A facility row whose external id starts with the prefix (so a test can clear its earlier runs). */
    public String facility(String prefix, String name, Long organizationId) {
        String extId = AccessFixtures.unique(prefix);
        jdbc.sql("insert into facility (ext_id, type, name_zh, name_en, organization_id) values (:extId, 'instrument', :zh, :en, :org)")
                .param("extId", extId).param("zh", name + "（测试）").param("en", AccessFixtures.unique(name))
                .param("org", organizationId).update();
        return extId;
    }

    /** A facility open around the clock, no lead time, booked up to a year ahead, 15 minutes to 12 hours, by hour. */
    public String openFacility(Long organizationId, boolean approvalRequired, boolean trainingRequired) {
        String extId = facility("Instrument", organizationId);
        profile(extId, change(approvalRequired, trainingRequired, "hour", "100", "300"));
        return extId;
    }

    public static ProfileChange change(boolean approvalRequired, boolean trainingRequired, String unit, String internal, String external) {
        Map<String, ProfileChange.DayHours> week = new LinkedHashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            week.put(day, new ProfileChange.DayHours("00:00", "24:00"));
        }
        return new ProfileChange("测试楼 101", "Test building 101", "TX-1", "Test Instruments", "测试能力", "test capability",
                unit, new BigDecimal(internal), new BigDecimal(external), 15, 720, 60, 0, 365, approvalRequired, trainingRequired,
                week, null);
    }

    public Instrument profile(String extId, ProfileChange change) {
        return scope.asSystem(() -> catalog.updateProfile(extId, change));
    }

    public long facilityId(String extId) {
        return jdbc.sql("select id from facility where ext_id = :e").param("e", extId).query(Long.class).single();
    }

    public void managers(String extId, Account... managers) {
        scope.asSystem(() -> catalog.setManagers(extId, java.util.Arrays.stream(managers).map(Account::email).toList()));
    }

    /** A whole hour some days ahead (UTC hours: the facilities here are open around the clock). */
    public static Instant hoursAhead(int days, int hourOfDay) {
        return LocalDate.now(FacilityTime.ZONE).plusDays(days).atTime(LocalTime.of(hourOfDay, 0))
                .atZone(FacilityTime.ZONE).toInstant().truncatedTo(ChronoUnit.MINUTES);
    }

    public static BookingRequest request(Instant start, Duration length, String purpose) {
        return new BookingRequest(start.toString(), start.plus(length).toString(), purpose);
    }

    /** Runs work as the account (signed in, as the web would have it). */
    public <T> T as(Account account, Supplier<T> work) {
        return access().as(account, work);
    }

    public void as(Account account, Runnable work) {
        as(account, () -> {
            work.run();
            return null;
        });
    }

    /** Deletes the facilities (and their bookings) whose external ids start with the prefix: a test's earlier runs. */
    public void deleteFacilities(String prefix) {
        jdbc.sql("delete from booking where facility_id in (select id from facility where ext_id like :p)").param("p", prefix + "%").update();
        jdbc.sql("delete from booking_series where facility_id in (select id from facility where ext_id like :p)").param("p", prefix + "%").update();
        jdbc.sql("delete from facility where ext_id like :p").param("p", prefix + "%").update();
    }

    public long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public DataScope scope() {
        return scope;
    }
}
