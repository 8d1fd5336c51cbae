package org.triplehelix.facility;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.UserNotice;

/**
 * Maintenance windows block booking. Adding one takes the facility's schedule lock exclusively
 * (bookings take it shared), so a booking and a window can never be made overlapping at the
 * same moment; bookings already in the way are refused (409) or, when asked, cancelled.
 */
@Service
public class Maintenance {

    static final String KIND = "maintenance_window";

    /**
     * How far from now a maintenance window may lie, either way: the longest booking horizon. A window later
     * than that blocks no booking anyone can make, and one in the year 99999 is a typing error.
     */
    static final java.time.Duration REACH = java.time.Duration.ofDays(BookingRules.MAX_HORIZON_DAYS);

    private final MaintenanceRepository windows;
    private final BookingRepository bookings;
    private final FacilityCatalog catalog;
    private final Waitlist waitlist;
    private final ApplicationEventPublisher events;
    private final BookingClock clock;
    private final TransactionTemplate transaction;

    Maintenance(MaintenanceRepository windows, BookingRepository bookings, FacilityCatalog catalog, Waitlist waitlist,
                ApplicationEventPublisher events, BookingClock clock, PlatformTransactionManager transactions) {
        this.windows = windows;
        this.bookings = bookings;
        this.catalog = catalog;
        this.waitlist = waitlist;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** An instrument's windows overlapping {@code [from, to)}: public. */
    public List<MaintenanceWindow> between(String extId, Instant from, Instant to) {
        Instrument instrument = catalog.instrument(extId);
        return windows.between(instrument.id(), extId, from, to);
    }

    public MaintenanceWindow add(String extId, MaintenanceRequest request) {
        Instrument instrument = catalog.instrument(extId);
        catalog.requireCanManage(instrument);
        CurrentUser user = catalog.requireSignedIn();
        TimeSlot slot = request.slot();
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException("reason", "the reason is at most 500 characters", "facility.error.tooLong", 500);
        }
        if (!slot.end().isAfter(clock.now())) {
            throw new InvalidInputException("end", "a maintenance window ends in the future", "facility.error.endPast");
        }
        if (slot.end().isAfter(clock.now().plus(REACH))) {
            throw new InvalidInputException("end", "a maintenance window ends at most " + REACH.toDays() + " days ahead",
                    "facility.error.maintenanceFar", String.valueOf(REACH.toDays()));
        }
        if (slot.start().isBefore(clock.now().minus(REACH))) {
            throw new InvalidInputException("start", "a maintenance window starts at most " + REACH.toDays() + " days back",
                    "facility.error.maintenanceLongAgo", String.valueOf(REACH.toDays()));
        }
        try {
            return transaction.execute(status -> {
                bookings.lockScheduleExclusive(instrument.id());
                List<BookingRow> inTheWay = bookings.holding(instrument.id(), slot);
                if (!inTheWay.isEmpty()) {
                    if (!Boolean.TRUE.equals(request.cancelBookings())) {
                        Booking first = inTheWay.getFirst().booking();
                        throw new BookingConflictException(SlotConflict.booking(first.id(), first.status(), first.slot()));
                    }
                    inTheWay.forEach(row -> cancelForMaintenance(row.booking(), instrument, user));
                }
                long id = windows.insert(instrument.id(), slot, reason, user.id());
                MaintenanceWindow window = windows.find(id, extId).orElseThrow();
                events.publishEvent(AuditableChange.created(KIND, String.valueOf(id), snapshot(window)));
                return window;
            });
        } catch (DataIntegrityViolationException e) {
            if (!Db.exclusionViolation(e, MaintenanceRepository.NO_OVERLAP)) {
                throw e;
            }
            MaintenanceWindow other = windows.firstOverlapping(instrument.id(), extId, slot)
                    .orElseThrow(() -> new ConflictException("another maintenance window overlaps " + slot.describe(FacilityTime.ZONE),
                            "facility.conflict.maintenanceOverlap", slot.local(FacilityTime.ZONE)));
            throw new BookingConflictException(SlotConflict.maintenance(other.id(), other.timeSlot()));
        }
    }

    private void cancelForMaintenance(Booking booking, Instrument instrument, CurrentUser manager) {
        if (booking.status() == BookingStatus.IN_USE) {
            throw new BookingConflictException(SlotConflict.booking(booking.id(), booking.status(), booking.slot()));
        }
        var before = booking.snapshot();
        booking.cancel(clock.now(), "maintenance");
        bookings.update(booking);
        events.publishEvent(new AuditableChange("cancel", SlotBooker.KIND, String.valueOf(booking.id()), before, booking.snapshot()));
        events.publishEvent(UserNotice.toUsers(manager.id(), List.of(booking.userId()), "notification.booking.cancelledWithReason",
                "/bookings/" + booking.id(), instrument.name(), Text.of(FacilityTime.dateTime(booking.slot().start())),
                new Text("仪器维护", "instrument maintenance")));
    }

    /** Removes a window; the freed time is offered to the waitlist. */
    public void remove(String extId, long windowId) {
        Instrument instrument = catalog.instrument(extId);
        catalog.requireCanManage(instrument);
        transaction.executeWithoutResult(status -> {
            bookings.lockScheduleExclusive(instrument.id());
            MaintenanceWindow window = windows.find(windowId, extId)
                    .filter(w -> windows.facilityOf(windowId).orElse(-1L) == instrument.id())
                    .orElseThrow(() -> new NotFoundException("maintenance window", windowId));
            windows.delete(windowId);
            events.publishEvent(AuditableChange.deleted(KIND, String.valueOf(windowId), snapshot(window)));
            waitlist.offerFreed(instrument, window.timeSlot(), clock.now());
        });
    }

    private static Map<String, Object> snapshot(MaintenanceWindow window) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("facility", window.facility());
        snapshot.put("start", window.start().toString());
        snapshot.put("end", window.end().toString());
        snapshot.put("reason", window.reason());
        return snapshot;
    }
}
