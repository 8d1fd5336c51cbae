package org.triplehelix.facility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DataIntegrityViolationException;

/** Binding and reading times for PostgreSQL, and recognizing its constraint violations. */
final class Db {

    /** SQLSTATE of an exclusion constraint violation. */
    static final String EXCLUSION_VIOLATION = "23P01";

    private Db() {
    }

    /** An instant as a timestamptz parameter. */
    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static TimeSlot slot(ResultSet rs) throws SQLException {
        return new TimeSlot(instant(rs, "start_at"), instant(rs, "end_at"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /** True when the exception is PostgreSQL refusing a row by an exclusion constraint (of that name, if given). */
    static boolean exclusionViolation(DataIntegrityViolationException e, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return constraint == null || String.valueOf(sql.getMessage()).contains(constraint);
            }
        }
        return false;
    }

    /** The advisory lock key of a facility's schedule: bookings take it shared, maintenance exclusively. */
    static long scheduleLock(long facilityId) {
        return 0x4661_6369_0000_0000L | facilityId;
    }
}
