package org.triplehelix.facility;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Maintenance windows; {@code maintenance_window_no_overlap} keeps one facility's windows apart. */
@Repository
class MaintenanceRepository {

    static final String NO_OVERLAP = "maintenance_window_no_overlap";

    private final JdbcClient jdbc;

    MaintenanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MaintenanceWindow> firstOverlapping(long facilityId, String facilityExtId, TimeSlot slot) {
        return between(facilityId, facilityExtId, slot.start(), slot.end()).stream().findFirst();
    }

    List<MaintenanceWindow> between(long facilityId, String facilityExtId, Instant from, Instant to) {
        return jdbc.sql("""
                        select id, lower(period) as start_at, upper(period) as end_at, reason from maintenance_window
                        where facility_id = :f and period && tstzrange(:from, :to, '[)') order by lower(period), id
                        """)
                .param("f", facilityId).param("from", Db.ts(from)).param("to", Db.ts(to))
                .query((rs, n) -> MaintenanceWindow.of(rs.getLong("id"), facilityExtId, Db.slot(rs), rs.getString("reason")))
                .list();
    }

    Optional<Long> facilityOf(long windowId) {
        return jdbc.sql("select facility_id from maintenance_window where id = :id").param("id", windowId)
                .query(Long.class).optional();
    }

    long insert(long facilityId, TimeSlot slot, String reason, Long createdBy) {
        return jdbc.sql("""
                        insert into maintenance_window (facility_id, period, reason, created_by)
                        values (:f, tstzrange(:start, :end, '[)'), :reason, :by) returning id
                        """)
                .param("f", facilityId).param("start", Db.ts(slot.start())).param("end", Db.ts(slot.end()))
                .param("reason", reason).param("by", createdBy)
                .query(Long.class).single();
    }

    Optional<MaintenanceWindow> find(long id, String facilityExtId) {
        return jdbc.sql("select id, lower(period) as start_at, upper(period) as end_at, reason from maintenance_window where id = :id")
                .param("id", id)
                .query((rs, n) -> MaintenanceWindow.of(rs.getLong("id"), facilityExtId, Db.slot(rs), rs.getString("reason")))
                .optional();
    }

    void delete(long id) {
        jdbc.sql("delete from maintenance_window where id = :id").param("id", id).update();
    }
}
