package org.triplehelix.facility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.triplehelix.shared.Text;

/** Bookings in PostgreSQL; the {@code booking_no_overlap} constraint is the arbiter of every slot. */
@Repository
class BookingRepository {

    static final String NO_OVERLAP = "booking_no_overlap";

    private static final String SELECT = """
            select b.id, b.facility_id, b.user_id, b.organization_id, lower(b.period) as start_at, upper(b.period) as end_at,
                   b.status, b.purpose, b.rate_class, b.series_id, b.actual_start, b.actual_end, b.used_hours, b.used_samples,
                   b.fee_unit, b.unit_rate, b.fee, b.usage_recorded_by, b.usage_confirmed_by, b.usage_confirmed_at,
                   b.decided_by, b.decided_at, b.note, b.version, b.created_at, b.updated_at,
                   f.ext_id as facility_ext_id, f.name_zh as facility_name_zh, f.name_en as facility_name_en,
                   f.organization_id as facility_organization_id, u.name as booker_name,
                   o.ext_id as org_ext_id, o.name_zh as org_name_zh, o.name_en as org_name_en
            from booking b
            join facility f on f.id = b.facility_id
            join app_user u on u.id = b.user_id
            left join organization o on o.id = b.organization_id
            """;

    private final JdbcClient jdbc;

    BookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new booking; the exclusion constraint may refuse it (DataIntegrityViolationException). */
    long insert(Booking booking) {
        return jdbc.sql("""
                        insert into booking (facility_id, user_id, organization_id, period, status, purpose, rate_class,
                                             series_id, decided_by, decided_at)
                        values (:facility, :user, :organization, tstzrange(:start, :end, '[)'), :status, :purpose, :rateClass,
                                :series, :decidedBy, :decidedAt)
                        returning id
                        """)
                .param("facility", booking.facilityId())
                .param("user", booking.userId())
                .param("organization", booking.organizationId())
                .param("start", Db.ts(booking.slot().start()))
                .param("end", Db.ts(booking.slot().end()))
                .param("status", booking.status().code())
                .param("purpose", booking.purpose())
                .param("rateClass", booking.rateClass().code())
                .param("series", booking.seriesId())
                .param("decidedBy", booking.decidedBy())
                .param("decidedAt", Db.ts(booking.decidedAt()))
                .query(Long.class).single();
    }

    /** Writes a booking's state after a transition. */
    void update(Booking booking) {
        Charge charge = booking.charge();
        Usage usage = booking.usage();
        jdbc.sql("""
                        update booking set status = :status, actual_start = :actualStart, actual_end = :actualEnd,
                            used_hours = :hours, used_samples = :samples, fee_unit = :feeUnit, unit_rate = :unitRate, fee = :fee,
                            usage_recorded_by = :recordedBy, usage_confirmed_by = :confirmedBy, usage_confirmed_at = :confirmedAt,
                            decided_by = :decidedBy, decided_at = :decidedAt, note = :note,
                            updated_at = now(), version = version + 1
                        where id = :id
                        """)
                .param("id", booking.id())
                .param("status", booking.status().code())
                .param("actualStart", Db.ts(booking.actualStart()))
                .param("actualEnd", Db.ts(booking.actualEnd()))
                .param("hours", usage == null ? null : usage.hours())
                .param("samples", usage == null ? null : usage.samples())
                .param("feeUnit", charge == null ? null : charge.unit().code())
                .param("unitRate", charge == null ? null : charge.unitRate())
                .param("fee", charge == null ? null : charge.amount())
                .param("recordedBy", booking.usageRecordedBy())
                .param("confirmedBy", booking.usageConfirmedBy())
                .param("confirmedAt", Db.ts(booking.usageConfirmedAt()))
                .param("decidedBy", booking.decidedBy())
                .param("decidedAt", Db.ts(booking.decidedAt()))
                .param("note", booking.note())
                .update();
    }

    Optional<BookingRow> find(long id) {
        return jdbc.sql(SELECT + " where b.id = :id").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** The booking, its row locked until the transaction ends (transitions are serialized per booking). */
    Optional<BookingRow> lock(long id) {
        return jdbc.sql(SELECT + " where b.id = :id for update of b").param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** The earliest booking holding a slot that overlaps {@code slot}. */
    Optional<BookingRow> firstHolding(long facilityId, TimeSlot slot) {
        return jdbc.sql(SELECT + """
                         where b.facility_id = :facility and b.status in ('pending', 'approved', 'in_use')
                           and b.period && tstzrange(:start, :end, '[)')
                         order by lower(b.period), b.id limit 1
                        """)
                .param("facility", facilityId).param("start", Db.ts(slot.start())).param("end", Db.ts(slot.end()))
                .query((rs, n) -> row(rs)).optional();
    }

    /** Every booking holding a slot overlapping {@code slot}. */
    List<BookingRow> holding(long facilityId, TimeSlot slot) {
        return jdbc.sql(SELECT + """
                         where b.facility_id = :facility and b.status in ('pending', 'approved', 'in_use')
                           and b.period && tstzrange(:start, :end, '[)')
                         order by lower(b.period), b.id
                        """)
                .param("facility", facilityId).param("start", Db.ts(slot.start())).param("end", Db.ts(slot.end()))
                .query((rs, n) -> row(rs)).list();
    }

    /** A facility's bookings that hold or held time in {@code [from, to)} (not cancelled, rejected). */
    List<BookingRow> forFacility(long facilityId, Instant from, Instant to) {
        return jdbc.sql(SELECT + """
                         where b.facility_id = :facility and b.status in ('pending', 'approved', 'in_use', 'completed', 'no_show')
                           and b.period && tstzrange(:from, :to, '[)')
                         order by lower(b.period), b.id
                        """)
                .param("facility", facilityId).param("from", Db.ts(from)).param("to", Db.ts(to))
                .query((rs, n) -> row(rs)).list();
    }

    /** A user's bookings, the latest first; status null for all. */
    List<BookingRow> ofUser(long userId, String status, long offset, int limit) {
        return jdbc.sql(SELECT + """
                         where b.user_id = :user and (cast(:status as text) is null or b.status = :status)
                         order by lower(b.period) desc, b.id desc offset :offset limit :limit
                        """)
                .param("user", userId).param("status", status).param("offset", offset).param("limit", limit)
                .query((rs, n) -> row(rs)).list();
    }

    long countOfUser(long userId, String status) {
        return jdbc.sql("select count(*) from booking where user_id = :user and (cast(:status as text) is null or status = :status)")
                .param("user", userId).param("status", status).query(Long.class).single();
    }

    /** Bookings of the given facilities (those a manager looks after), soonest first; status null for all. */
    List<BookingRow> ofFacilities(List<Long> facilityIds, String status, long offset, int limit) {
        return jdbc.sql(SELECT + """
                         where b.facility_id = any(:facilities) and (cast(:status as text) is null or b.status = :status)
                         order by lower(b.period) desc, b.id desc offset :offset limit :limit
                        """)
                .param("facilities", facilityIds.toArray(Long[]::new)).param("status", status)
                .param("offset", offset).param("limit", limit)
                .query((rs, n) -> row(rs)).list();
    }

    /** The pending bookings of the instruments a user manages: their approval queue's length, in one query. */
    long countPendingManagedBy(long userId) {
        return jdbc.sql("""
                        select count(*) from booking b
                        where b.status = 'pending'
                          and b.facility_id in (select m.facility_id from facility_manager m where m.user_id = :u)
                        """).param("u", userId).query(Long.class).single();
    }

    long countOfFacilities(List<Long> facilityIds, String status) {
        return jdbc.sql("""
                        select count(*) from booking
                        where facility_id = any(:facilities) and (cast(:status as text) is null or status = :status)
                        """)
                .param("facilities", facilityIds.toArray(Long[]::new)).param("status", status)
                .query(Long.class).single();
    }

    /** A user's bookings between two instants (their calendar feed). */
    List<BookingRow> ofUserBetween(long userId, Instant from, Instant to) {
        return jdbc.sql(SELECT + """
                         where b.user_id = :user and b.period && tstzrange(:from, :to, '[)')
                         order by lower(b.period), b.id
                        """)
                .param("user", userId).param("from", Db.ts(from)).param("to", Db.ts(to))
                .query((rs, n) -> row(rs)).list();
    }

    long insertSeries(long facilityId, long userId, Instant firstStart, long minutes, int occurrences, boolean skipConflicts) {
        return jdbc.sql("""
                        insert into booking_series (facility_id, user_id, first_start, minutes, occurrences, skip_conflicts)
                        values (:facility, :user, :first, :minutes, :occurrences, :skip) returning id
                        """)
                .param("facility", facilityId).param("user", userId).param("first", Db.ts(firstStart))
                .param("minutes", minutes).param("occurrences", occurrences).param("skip", skipConflicts)
                .query(Long.class).single();
    }

    /** Bookings take the facility's schedule lock shared: they exclude maintenance changes, not each other. */
    void lockScheduleShared(long facilityId) {
        jdbc.sql("select pg_advisory_xact_lock_shared(:key)").param("key", Db.scheduleLock(facilityId)).query(rs -> { });
    }

    void lockScheduleExclusive(long facilityId) {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", Db.scheduleLock(facilityId)).query(rs -> { });
    }

    private static BookingRow row(ResultSet rs) throws SQLException {
        Booking booking = new Booking(rs.getLong("id"), rs.getLong("facility_id"), rs.getLong("user_id"),
                Db.nullableLong(rs, "organization_id"), Db.slot(rs), BookingStatus.of(rs.getString("status")),
                rs.getString("purpose"), RateClass.of(rs.getString("rate_class")), Db.nullableLong(rs, "series_id"));
        var hours = rs.getBigDecimal("used_hours");
        Usage usage = hours == null || hours.signum() <= 0 ? null : new Usage(hours, Db.nullableInt(rs, "used_samples"));
        var fee = rs.getBigDecimal("fee");
        Charge charge = fee == null ? null : new Charge(FeeUnit.of(rs.getString("fee_unit")), booking.rateClass(),
                rs.getBigDecimal("unit_rate"), quantity(rs, usage), fee);
        booking.restore(Db.instant(rs, "actual_start"), Db.instant(rs, "actual_end"), usage, charge,
                Db.nullableLong(rs, "usage_recorded_by"), Db.nullableLong(rs, "usage_confirmed_by"),
                Db.instant(rs, "usage_confirmed_at"), Db.nullableLong(rs, "decided_by"), Db.instant(rs, "decided_at"),
                rs.getString("note"));
        return new BookingRow(booking, rs.getInt("version"), Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"),
                rs.getString("facility_ext_id"), Text.ofNullable(rs.getString("facility_name_zh"), rs.getString("facility_name_en")),
                Db.nullableLong(rs, "facility_organization_id"), rs.getString("booker_name"), rs.getString("org_ext_id"),
                Text.ofNullable(rs.getString("org_name_zh"), rs.getString("org_name_en")));
    }

    private static java.math.BigDecimal quantity(ResultSet rs, Usage usage) throws SQLException {
        if (usage == null) {
            return null;
        }
        return "sample".equals(rs.getString("fee_unit")) && usage.samples() != null
                ? java.math.BigDecimal.valueOf(usage.samples()) : usage.hours();
    }
}
