package org.triplehelix.facility;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.UserNotice;

/**
 * The waitlist of an instrument: a user asks for a taken slot and waits; when a booking that held
 * time there is cancelled or rejected (or a maintenance window removed), the first in line whose
 * slot is now wholly free is offered it, for {@link #OFFER_TIME} or until the slot begins. An offer
 * does not hold the slot: accepting books it like any request (409 if someone was quicker, and the
 * entry goes back to waiting in its place). Declined or expired offers pass to the next in line.
 * Entries being answered at that moment (their rows locked) are skipped, not waited for, so a
 * cancellation and an acceptance never wait on each other.
 */
@Service
public class Waitlist {

    static final String KIND = "waitlist_entry";
    public static final Duration OFFER_TIME = Duration.ofHours(24);

    private static final String SELECT = """
            select w.id, w.facility_id, f.ext_id, f.name_zh, f.name_en, w.user_id, u.name as user_name, lower(w.period) as start_at,
                   upper(w.period) as end_at, w.purpose, w.status, w.offered_at, w.offer_expires_at, w.booking_id, w.created_at
            from waitlist_entry w join facility f on f.id = w.facility_id join app_user u on u.id = w.user_id
            """;

    private final JdbcClient jdbc;
    private final FacilityCatalog catalog;
    private final SlotBooker booker;
    private final BookingRepository bookings;
    private final MaintenanceRepository maintenance;
    private final Trainings trainings;
    private final DataScope scope;
    private final ApplicationEventPublisher events;
    private final BookingClock clock;
    private final BookingViews views;
    private final TransactionTemplate transaction;

    Waitlist(JdbcClient jdbc, FacilityCatalog catalog, SlotBooker booker, BookingRepository bookings,
             MaintenanceRepository maintenance, Trainings trainings, DataScope scope, ApplicationEventPublisher events,
             BookingClock clock, BookingViews views, PlatformTransactionManager transactions) {
        this.views = views;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.booker = booker;
        this.bookings = bookings;
        this.maintenance = maintenance;
        this.trainings = trainings;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Joins the line for a slot that is taken now (a free slot is booked, not waited for: 409). */
    public WaitlistEntry join(String extId, BookingRequest request) {
        CurrentUser user = scope.requireSignedIn();
        scope.requireAnyRole(Role.ENTERPRISE, Role.RESEARCHER);
        Instrument instrument = catalog.instrument(extId);
        TimeSlot slot = request.slot();
        String purpose = SlotBooker.purpose(request.purpose());
        Instant now = clock.now();
        instrument.rules().check(slot, now, FacilityTime.ZONE).ifPresent(refusal -> {
            throw refusal.toException();
        });
        if (instrument.rules().trainingRequired()
                && !trainings.valid(instrument.id(), user.id(), slot.end().atZone(FacilityTime.ZONE).toLocalDate())) {
            throw new TrainingRequiredException(instrument.name().both());
        }
        return transaction.execute(status -> {
            if (free(instrument, slot)) {
                throw new ConflictException("the slot " + slot.describe(FacilityTime.ZONE) + " is free: book it instead of waiting",
                        "facility.conflict.slotFree", slot.local(FacilityTime.ZONE));
            }
            long id = jdbc.sql("""
                            insert into waitlist_entry (facility_id, user_id, period, purpose)
                            values (:f, :u, tstzrange(:start, :end, '[)'), :purpose) returning id
                            """)
                    .param("f", instrument.id()).param("u", user.id()).param("start", Db.ts(slot.start()))
                    .param("end", Db.ts(slot.end())).param("purpose", purpose)
                    .query(Long.class).single();
            WaitlistEntry entry = entry(id);
            events.publishEvent(AuditableChange.created(KIND, String.valueOf(id), snapshot(entry)));
            return entry;
        });
    }

    /** The offered user books the slot; if someone was quicker, the entry goes back to waiting in its place (409). */
    public BookingView accept(long entryId) {
        CurrentUser user = scope.requireSignedIn();
        Instant now = clock.now();
        Object result = transaction.execute(status -> {
            WaitlistEntry entry = ownEntry(entryId, user);
            // an offer past its time, whether the sweep has marked it yet or not: say until when it stood
            boolean expired = (entry.offered() || "expired".equals(entry.status()))
                    && entry.offerExpiresAt() != null && !entry.offerExpiresAt().isAfter(now);
            if (expired || !entry.offered()) {
                throw new ConflictException("this waitlist entry has no open offer (it is " + entry.status() + ")",
                        expired ? "facility.conflict.offerExpired" : "facility.conflict.noOffer",
                        expired ? FacilityTime.dateTime(entry.offerExpiresAt()) : entryStatus(entry));
            }
            Instrument instrument = catalog.instrument(entry.facility());
            bookings.lockScheduleShared(instrument.id());
            SlotBooker.Outcome outcome = booker.attempt(instrument, user, entry.timeSlot(), entry.purpose(), null, now);
            if (outcome instanceof SlotBooker.Booked booked) {
                change(entry, "booked", "booking_id = :booking", Map.of("booking", booked.row().booking().id()));
                return views.view(booked.row(), instrument, user);
            }
            change(entry, "waiting", "offered_at = null, offer_expires_at = null", Map.of());
            return outcome instanceof SlotBooker.Refused refused ? refused.refusal().toException()
                    : new BookingConflictException(((SlotBooker.Conflicted) outcome).conflict());
        });
        if (result instanceof RuntimeException refusal) {
            throw refusal;
        }
        return (BookingView) result;
    }

    public WaitlistEntry decline(long entryId) {
        return leave(entryId, "declined", true);
    }

    public WaitlistEntry withdraw(long entryId) {
        return leave(entryId, "withdrawn", false);
    }

    private WaitlistEntry leave(long entryId, String to, boolean mustBeOffered) {
        CurrentUser user = scope.requireSignedIn();
        return transaction.execute(status -> {
            WaitlistEntry entry = ownEntry(entryId, user);
            boolean open = entry.offered() || "waiting".equals(entry.status());
            if (mustBeOffered ? !entry.offered() : !open) {
                throw new ConflictException("this waitlist entry is " + entry.status(),
                        mustBeOffered ? "facility.conflict.noOffer" : "facility.conflict.entryClosed", entryStatus(entry));
            }
            WaitlistEntry after = change(entry, to, null, Map.of());
            if (entry.offered()) {
                offerFreed(catalog.instrument(entry.facility()), entry.timeSlot(), clock.now());
            }
            return after;
        });
    }

    /** The signed-in user's entries, the newest first. */
    public List<WaitlistEntry> mine() {
        CurrentUser user = scope.requireSignedIn();
        expireOffers();
        return jdbc.sql(SELECT + " where w.user_id = :u order by w.created_at desc, w.id desc limit 100")
                .param("u", user.id()).query((rs, n) -> row(rs)).list();
    }

    /** An instrument's open entries in line order (its managers). */
    public List<WaitlistEntry> forFacility(String extId) {
        Instrument instrument = catalog.instrument(extId);
        catalog.requireCanManage(instrument);
        return jdbc.sql(SELECT + " where w.facility_id = :f and w.status in ('waiting', 'offered') order by w.created_at, w.id")
                .param("f", instrument.id()).query((rs, n) -> row(rs)).list();
    }

    /**
     * Time was freed on an instrument (in the caller's transaction): offers it to the waiting
     * entries, first come first served, whose whole slot is now free and not yet offered to another.
     */
    void offerFreed(Instrument instrument, TimeSlot freed, Instant now) {
        List<WaitlistEntry> candidates = jdbc.sql(SELECT + """
                         where w.facility_id = :f and w.status in ('waiting', 'offered') and w.period && tstzrange(:start, :end, '[)')
                         order by w.created_at, w.id for update of w skip locked
                        """)
                .param("f", instrument.id()).param("start", Db.ts(freed.start())).param("end", Db.ts(freed.end()))
                .query((rs, n) -> row(rs)).list();
        List<TimeSlot> offered = new ArrayList<>(candidates.stream().filter(WaitlistEntry::offered).map(WaitlistEntry::timeSlot).toList());
        for (WaitlistEntry entry : candidates) {
            TimeSlot slot = entry.timeSlot();
            if (entry.offered() || !slot.start().isAfter(now) || offered.stream().anyMatch(slot::overlaps) || !free(instrument, slot)) {
                continue;
            }
            Instant expires = now.plus(OFFER_TIME).isBefore(slot.start()) ? now.plus(OFFER_TIME) : slot.start();
            change(entry, "offered", "offered_at = :now, offer_expires_at = :expires",
                    Map.of("now", Db.ts(now), "expires", Db.ts(expires)));
            events.publishEvent(UserNotice.toUsers(scope.currentUser().map(CurrentUser::id).orElse(null), List.of(entry.userId()),
                    "notification.waitlist.offered", "/bookings", instrument.name(), Text.of(FacilityTime.dateTime(slot.start())),
                    Text.of(FacilityTime.dateTime(expires))));
            offered.add(slot);
        }
    }

    /** Offers past their time expire, and pass to the next in line. */
    public int expireOffers() {
        Instant now = clock.now();
        return scope.asSystem(() -> transaction.execute(status -> {
            List<WaitlistEntry> expired = jdbc.sql(SELECT + " where w.status = 'offered' and w.offer_expires_at <= :now for update of w")
                    .param("now", Db.ts(now)).query((rs, n) -> row(rs)).list();
            for (WaitlistEntry entry : expired) {
                change(entry, "expired", null, Map.of());
                offerFreed(catalog.instrument(entry.facility()), entry.timeSlot(), now);
            }
            return expired.size();
        }));
    }

    private boolean free(Instrument instrument, TimeSlot slot) {
        return bookings.firstHolding(instrument.id(), slot).isEmpty()
                && maintenance.firstOverlapping(instrument.id(), instrument.extId(), slot).isEmpty();
    }

    /** An entry's status as a message argument, which the message source says in the reader's language. */
    private static DefaultMessageSourceResolvable entryStatus(WaitlistEntry entry) {
        return new DefaultMessageSourceResolvable("facility.waitlist.status." + entry.status());
    }

    private WaitlistEntry ownEntry(long entryId, CurrentUser user) {
        WaitlistEntry entry = jdbc.sql(SELECT + " where w.id = :id for update of w").param("id", entryId)
                .query((rs, n) -> row(rs)).optional().orElseThrow(() -> new NotFoundException("waitlist entry", entryId));
        if (entry.userId() != user.id()) {
            if (scope.isAdmin()) {
                throw new AccessDeniedException("only the waiting user answers an offer");
            }
            throw new NotFoundException("waitlist entry", entryId);
        }
        return entry;
    }

    private WaitlistEntry change(WaitlistEntry entry, String status, String set, Map<String, Object> params) {
        var statement = jdbc.sql("update waitlist_entry set status = :status, updated_at = now()"
                        + (set == null ? "" : ", " + set) + " where id = :id")
                .param("status", status).param("id", entry.id());
        for (var param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        statement.update();
        WaitlistEntry after = entry(entry.id());
        events.publishEvent(new AuditableChange(status.equals("offered") ? "offer" : "update", KIND,
                String.valueOf(entry.id()), snapshot(entry), snapshot(after)));
        return after;
    }

    private WaitlistEntry entry(long id) {
        return jdbc.sql(SELECT + " where w.id = :id").param("id", id).query((rs, n) -> row(rs)).single();
    }

    private static Map<String, Object> snapshot(WaitlistEntry entry) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("facility", entry.facility());
        snapshot.put("userId", entry.userId());
        snapshot.put("start", entry.start().toString());
        snapshot.put("end", entry.end().toString());
        snapshot.put("status", entry.status());
        snapshot.put("offerExpiresAt", entry.offerExpiresAt() == null ? null : entry.offerExpiresAt().toString());
        snapshot.put("bookingId", entry.bookingId());
        return snapshot;
    }

    private static WaitlistEntry row(java.sql.ResultSet rs) throws java.sql.SQLException {
        TimeSlot slot = Db.slot(rs);
        return new WaitlistEntry(rs.getLong("id"), rs.getString("ext_id"),
                Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en")), rs.getLong("user_id"), rs.getString("user_name"),
                slot.start(), slot.end(), slot.describe(FacilityTime.ZONE), rs.getString("purpose"), rs.getString("status"),
                Db.instant(rs, "offered_at"), Db.instant(rs, "offer_expires_at"), Db.nullableLong(rs, "booking_id"),
                Db.instant(rs, "created_at"));
    }
}
