package org.triplehelix.facility;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;

/**
 * Training records: who may book an instrument that requires training, until when. Kept by the
 * instrument's managers and its organization's administrators.
 */
@Service
public class Trainings {

    static final String KIND = "facility_training";
    /** The latest expiry of a training: a later one is a typing error (no expiry is left empty). */
    public static final LocalDate LATEST_EXPIRY = LocalDate.of(2100, 12, 31);

    /** One user's training on one instrument; {@code validUntil} null means no expiry. */
    public record Training(long userId, String name, String email, LocalDate validUntil, java.time.Instant grantedAt) {

        public boolean validOn(LocalDate day) {
            return validUntil == null || !validUntil.isBefore(day);
        }
    }

    private final JdbcClient jdbc;
    private final FacilityCatalog catalog;
    private final ApplicationEventPublisher events;
    private final BookingClock clock;

    Trainings(JdbcClient jdbc, FacilityCatalog catalog, ApplicationEventPublisher events, BookingClock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** True when the user holds a training record on the facility valid on that day. */
    boolean valid(long facilityId, long userId, LocalDate day) {
        return jdbc.sql("""
                        select exists (select 1 from facility_training where facility_id = :f and user_id = :u
                                       and (valid_until is null or valid_until >= :day))
                        """)
                .param("f", facilityId).param("u", userId).param("day", day).query(Boolean.class).single();
    }

    public List<Training> list(String extId) {
        Instrument instrument = catalog.instrument(extId);
        catalog.requireCanManage(instrument);
        return jdbc.sql("""
                        select t.user_id, u.name, u.email, t.valid_until, t.granted_at from facility_training t
                        join app_user u on u.id = t.user_id where t.facility_id = :f order by u.name, u.id
                        """)
                .param("f", instrument.id())
                .query((rs, n) -> new Training(rs.getLong("user_id"), rs.getString("name"), rs.getString("email"),
                        rs.getObject("valid_until", LocalDate.class), Db.instant(rs, "granted_at")))
                .list();
    }

    /** Records (or renews) a user's training, found by email. */
    @Transactional
    public Training grant(String extId, String email, LocalDate validUntil) {
        Instrument instrument = catalog.instrument(extId);
        catalog.requireCanManage(instrument);
        long grantor = catalog.requireSignedIn().id();
        requireSaneExpiry(validUntil);
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Long userId = jdbc.sql("select id from app_user where email = :email").param("email", address)
                .query(Long.class).optional()
                .orElseThrow(() -> new InvalidInputException("email", "no account has the email " + address,
                        "facility.error.noAccount", address));
        Map<String, Object> before = snapshot(instrument.id(), userId);
        jdbc.sql("""
                        insert into facility_training (facility_id, user_id, valid_until, granted_by)
                        values (:f, :u, :until, :by)
                        on conflict (facility_id, user_id) do update set valid_until = excluded.valid_until,
                            granted_by = excluded.granted_by, granted_at = now()
                        """)
                .param("f", instrument.id()).param("u", userId).param("until", validUntil).param("by", grantor).update();
        Map<String, Object> after = snapshot(instrument.id(), userId);
        events.publishEvent(before == null ? AuditableChange.created(KIND, extId + "/" + userId, after)
                : AuditableChange.updated(KIND, extId + "/" + userId, before, after));
        return list(extId).stream().filter(t -> t.userId() == userId).findFirst().orElseThrow();
    }

    /** An expiry before the day the training is recorded (it would be expired at once) or after {@link #LATEST_EXPIRY}: refused. */
    private void requireSaneExpiry(LocalDate validUntil) {
        if (validUntil == null) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.now(), FacilityTime.ZONE);
        if (validUntil.isBefore(today)) {
            throw new InvalidInputException("validUntil", "validUntil is before today, the date the training is recorded on",
                    "facility.error.validUntilPast", today.toString());
        }
        if (validUntil.isAfter(LATEST_EXPIRY)) {
            throw new InvalidInputException("validUntil", "validUntil is at most " + LATEST_EXPIRY + "; leave it out for no expiry",
                    "facility.error.validUntilFar", LATEST_EXPIRY.toString());
        }
    }

    @Transactional
    public void revoke(String extId, long userId) {
        Instrument instrument = catalog.instrument(extId);
        catalog.requireCanManage(instrument);
        Map<String, Object> before = snapshot(instrument.id(), userId);
        if (before == null) {
            throw new NotFoundException("training of user", userId);
        }
        jdbc.sql("delete from facility_training where facility_id = :f and user_id = :u")
                .param("f", instrument.id()).param("u", userId).update();
        events.publishEvent(AuditableChange.deleted(KIND, extId + "/" + userId, before));
    }

    private Map<String, Object> snapshot(long facilityId, long userId) {
        return jdbc.sql("select valid_until from facility_training where facility_id = :f and user_id = :u")
                .param("f", facilityId).param("u", userId)
                .query((rs, n) -> {
                    Map<String, Object> snapshot = new LinkedHashMap<>();
                    snapshot.put("facilityId", facilityId);
                    snapshot.put("userId", userId);
                    LocalDate until = rs.getObject("valid_until", LocalDate.class);
                    snapshot.put("validUntil", until == null ? null : until.toString());
                    return snapshot;
                })
                .optional().orElse(null);
    }
}
