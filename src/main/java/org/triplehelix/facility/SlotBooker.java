package org.triplehelix.facility;

import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.shared.AuditableChange;

/**
 * Books one slot inside the caller's transaction: the instrument's rules, maintenance windows,
 * then the insert in a savepoint, where the exclusion constraint has the last word. A refused
 * insert is rolled back to the savepoint and the booking that holds the slot is looked up, so a
 * weekly series can go on with its other occurrences.
 */
@Component
class SlotBooker {

    static final String KIND = "booking";
    static final int MAX_PURPOSE = 1000;

    /** What became of one attempt. */
    sealed interface Outcome permits Booked, Refused, Conflicted {
    }

    record Booked(BookingRow row) implements Outcome {
    }

    record Refused(BookingRules.Refusal refusal) implements Outcome {
    }

    record Conflicted(SlotConflict conflict) implements Outcome {
    }

    private final BookingRepository bookings;
    private final CatalogRepository catalog;
    private final MaintenanceRepository maintenance;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate savepoint;

    SlotBooker(BookingRepository bookings, CatalogRepository catalog, MaintenanceRepository maintenance,
               ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.bookings = bookings;
        this.catalog = catalog;
        this.maintenance = maintenance;
        this.events = events;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Must run in a transaction that holds the facility's schedule lock (shared). */
    Outcome attempt(Instrument instrument, CurrentUser user, TimeSlot slot, String purpose, Long seriesId, Instant now) {
        Optional<BookingRules.Refusal> refusal = instrument.rules().check(slot, now, FacilityTime.ZONE);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        Optional<MaintenanceWindow> window = maintenance.firstOverlapping(instrument.id(), instrument.extId(), slot);
        if (window.isPresent()) {
            return new Conflicted(SlotConflict.maintenance(window.get().id(), window.get().timeSlot()));
        }
        RateClass rateClass = catalog.withinOrganization(user.organizationId(), instrument.organizationId())
                ? RateClass.INTERNAL : RateClass.EXTERNAL;
        Booking booking = Booking.request(instrument.id(), user.id(), user.organizationId(), slot, purpose, rateClass,
                seriesId, instrument.rules().approvalRequired(), now);
        try {
            long id = savepoint.execute(status -> {
                long inserted = bookings.insert(booking);
                events.publishEvent(AuditableChange.created(KIND, String.valueOf(inserted), booking.snapshot()));
                return inserted;
            });
            return new Booked(bookings.find(id).orElseThrow());
        } catch (DataIntegrityViolationException e) {
            if (!Db.exclusionViolation(e, BookingRepository.NO_OVERLAP)) {
                throw e;
            }
            return new Conflicted(bookings.firstHolding(instrument.id(), slot)
                    .map(row -> SlotConflict.booking(row.booking().id(), row.booking().status(), row.booking().slot()))
                    .orElseGet(() -> SlotConflict.vanished(slot)));
        }
    }

    static String purpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return null;
        }
        if (purpose.length() > MAX_PURPOSE) {
            throw new org.triplehelix.shared.InvalidInputException("purpose", "the purpose is at most " + MAX_PURPOSE + " characters",
                    "facility.error.purpose", MAX_PURPOSE);
        }
        return purpose.strip();
    }
}
