package org.triplehelix.facility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.UserNotice;

/**
 * Booking instruments and the life of a booking. Enterprise users and researchers book; the
 * instrument's managers (and its organization's administrators) approve, reject, start, mark
 * no-shows and confirm usage; the booker cancels, starts and completes their own. Every check is
 * here, on the server, through {@link DataScope} and the instrument's managers.
 *
 * <p>Never a double booking: the database's exclusion constraint decides between concurrent
 * requests; the loser gets a {@link BookingConflictException} naming the booking in its way.
 */
@Service
public class Bookings {

    private static final int MAX_PAGE_SIZE = 100;

    private final BookingRepository bookings;
    private final FacilityCatalog catalog;
    private final SlotBooker booker;
    private final Trainings trainings;
    private final Waitlist waitlist;
    private final DataScope scope;
    private final ApplicationEventPublisher events;
    private final BookingClock clock;
    private final BookingViews views;
    private final TransactionTemplate transaction;

    Bookings(BookingRepository bookings, FacilityCatalog catalog, SlotBooker booker, Trainings trainings, Waitlist waitlist,
             DataScope scope, ApplicationEventPublisher events, BookingClock clock, BookingViews views,
             PlatformTransactionManager transactions) {
        this.views = views;
        this.bookings = bookings;
        this.catalog = catalog;
        this.booker = booker;
        this.trainings = trainings;
        this.waitlist = waitlist;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    // --- requests ---------------------------------------------------------------------------

    /** Books one slot: 201 with the booking (pending, or approved when the instrument needs no approval). */
    public BookingView request(String extId, BookingRequest request) {
        CurrentUser user = requireBooker();
        Instrument instrument = catalog.instrument(extId);
        TimeSlot slot = request.slot();
        String purpose = SlotBooker.purpose(request.purpose());
        Instant now = clock.now();
        requireTraining(instrument, user, slot);
        BookingRow row = transaction.execute(status -> {
            bookings.lockScheduleShared(instrument.id());
            return switch (booker.attempt(instrument, user, slot, purpose, null, now)) {
                case SlotBooker.Booked booked -> booked.row();
                case SlotBooker.Refused refused -> throw refused.refusal().toException();
                case SlotBooker.Conflicted conflicted -> throw new BookingConflictException(conflicted.conflict());
            };
        });
        return view(row, instrument, user);
    }

    /**
     * A weekly series: each occurrence is tried in turn. With {@code skipConflicts} the free ones
     * are booked and the others reported; without it, one occurrence that cannot be booked books
     * none (409 with the report). A series that books nothing is a 409 either way.
     */
    public SeriesReport requestWeekly(String extId, WeeklyRequest request) {
        CurrentUser user = requireBooker();
        Instrument instrument = catalog.instrument(extId);
        WeeklyRecurrence recurrence = request.recurrence();
        List<TimeSlot> slots = recurrence.occurrences();
        String purpose = SlotBooker.purpose(request.purpose());
        Instant now = clock.now();
        for (TimeSlot slot : slots) {
            requireTraining(instrument, user, slot);
        }
        return transaction.execute(status -> {
            bookings.lockScheduleShared(instrument.id());
            long seriesId = bookings.insertSeries(instrument.id(), user.id(), slots.getFirst().start(),
                    recurrence.length().toMinutes(), slots.size(), request.skipping());
            List<SeriesReport.Occurrence> occurrences = new ArrayList<>();
            int booked = 0;
            for (TimeSlot slot : slots) {
                SeriesReport.Occurrence occurrence = occurrence(slot, booker.attempt(instrument, user, slot, purpose, seriesId, now));
                booked += occurrence.bookingId() == null ? 0 : 1;
                occurrences.add(occurrence);
            }
            int notBooked = slots.size() - booked;
            boolean refused = booked == 0 || notBooked > 0 && !request.skipping();
            SeriesReport report = new SeriesReport(refused ? null : seriesId, request.skipping(), refused ? 0 : booked, notBooked,
                    refused ? occurrences.stream().map(Bookings::unbooked).toList() : occurrences);
            if (refused) {
                throw new SeriesRefusedException(report);
            }
            events.publishEvent(AuditableChange.created("booking_series", String.valueOf(seriesId), java.util.Map.of(
                    "facility", extId, "occurrences", slots.size(), "booked", booked, "skipped", notBooked)));
            return report;
        });
    }

    private static SeriesReport.Occurrence occurrence(TimeSlot slot, SlotBooker.Outcome outcome) {
        String described = slot.describe(FacilityTime.ZONE);
        return switch (outcome) {
            case SlotBooker.Booked booked -> new SeriesReport.Occurrence(slot.start(), slot.end(), described, "booked",
                    booked.row().booking().id(), booked.row().booking().status().code(), null, null, null);
            case SlotBooker.Conflicted conflicted -> new SeriesReport.Occurrence(slot.start(), slot.end(), described, "conflict",
                    null, null, conflicted.conflict(), conflicted.conflict().kind(), conflicted.conflict().describe());
            case SlotBooker.Refused refused -> new SeriesReport.Occurrence(slot.start(), slot.end(), described, "refused",
                    null, null, null, refused.refusal().reason(), refused.refusal().message());
        };
    }

    /** In a refused series, the occurrences that would have been booked are reported as free, not booked. */
    private static SeriesReport.Occurrence unbooked(SeriesReport.Occurrence occurrence) {
        return occurrence.bookingId() == null ? occurrence
                : new SeriesReport.Occurrence(occurrence.start(), occurrence.end(), occurrence.slot(), "free", null, null,
                        null, null, "free, but not booked: another occurrence could not be");
    }

    private CurrentUser requireBooker() {
        CurrentUser user = scope.requireSignedIn();
        scope.requireAnyRole(Role.ENTERPRISE, Role.RESEARCHER);
        return user;
    }

    private void requireTraining(Instrument instrument, CurrentUser user, TimeSlot slot) {
        if (instrument.rules().trainingRequired()
                && !trainings.valid(instrument.id(), user.id(), slot.end().atZone(FacilityTime.ZONE).toLocalDate())) {
            throw new TrainingRequiredException(instrument.name().both());
        }
    }

    // --- transitions ------------------------------------------------------------------------

    public BookingView approve(long id) {
        return transition(id, "approve", Side.MANAGER, (booking, actor) -> booking.approve(actor.id(), clock.now()));
    }

    public BookingView reject(long id, String reason) {
        return transition(id, "reject", Side.MANAGER, (booking, actor) -> booking.reject(actor.id(), clock.now(), note(reason)));
    }

    public BookingView cancel(long id, String reason) {
        return transition(id, "cancel", Side.BOOKER_OR_MANAGER, (booking, actor) -> booking.cancel(clock.now(), note(reason)));
    }

    public BookingView start(long id) {
        return transition(id, "start", Side.BOOKER_OR_MANAGER, (booking, actor) -> booking.start(clock.now()));
    }

    public BookingView markNoShow(long id) {
        return transition(id, "no-show", Side.MANAGER, (booking, actor) -> booking.markNoShow(actor.id(), clock.now()));
    }

    /** The use is over; hours default to the time since it started. A manager's record stands confirmed. */
    public BookingView complete(long id, UsageInput input) {
        return transition(id, "complete", Side.BOOKER_OR_MANAGER, (booking, actor) -> {
            Instant now = clock.now();
            Usage usage = input == null ? null : input.usage();
            if (usage == null) {
                Instant from = booking.actualStart() == null ? booking.slot().start() : booking.actualStart();
                usage = new Usage(Usage.hoursOf(java.time.Duration.between(from, now)).max(java.math.BigDecimal.valueOf(1, 2)),
                        input == null ? null : input.samples());
            }
            Instrument instrument = catalog.instrument(booking.facilityId());
            booking.complete(usage, instrument.fees(), actor.id(), catalog.canManage(instrument), now);
        });
    }

    /** A manager confirms the usage the booker recorded, or corrects it. */
    public BookingView confirmUsage(long id, UsageInput corrected) {
        return transition(id, "confirm-usage", Side.MANAGER, (booking, actor) -> {
            Instrument instrument = catalog.instrument(booking.facilityId());
            booking.confirmUsage(corrected == null ? null : corrected.usage(), instrument.fees(), actor.id(), clock.now());
        });
    }

    private enum Side { MANAGER, BOOKER_OR_MANAGER }

    private BookingView transition(long id, String action, Side side, BiConsumer<Booking, CurrentUser> change) {
        CurrentUser actor = scope.requireSignedIn();
        return transaction.execute(status -> {
            BookingRow row = bookings.lock(id).orElseThrow(() -> new NotFoundException("booking", id));
            Booking booking = row.booking();
            Instrument instrument = catalog.instrument(booking.facilityId());
            boolean manager = catalog.canManage(instrument);
            boolean own = booking.userId() == actor.id();
            if (!manager && !(side == Side.BOOKER_OR_MANAGER && own)) {
                if (!own && !visible(row, instrument, actor)) {
                    throw new NotFoundException("booking", id);
                }
                throw new AccessDeniedException("only the instrument's managers may " + action + " a booking");
            }
            var before = booking.snapshot();
            boolean held = booking.status().holdsSlot();
            change.accept(booking, actor);
            bookings.update(booking);
            events.publishEvent(new AuditableChange(action, SlotBooker.KIND, String.valueOf(id), before, booking.snapshot()));
            tellBooker(action, booking, instrument, actor);
            if (held && !booking.status().holdsSlot() && booking.status() != BookingStatus.COMPLETED) {
                waitlist.offerFreed(instrument, booking.slot(), clock.now());
            }
            return view(bookings.find(id).orElseThrow(), instrument, actor);
        });
    }

    /** The booker hears of a manager's approval, rejection (with the reason) or cancellation; not of their own cancellation. */
    private void tellBooker(String action, Booking booking, Instrument instrument, CurrentUser actor) {
        String key = switch (action) {
            case "approve" -> "notification.booking.approved";
            case "reject" -> booking.note() == null ? "notification.booking.rejected" : "notification.booking.rejectedWithReason";
            case "cancel" -> booking.note() == null ? "notification.booking.cancelled" : "notification.booking.cancelledWithReason";
            default -> null;
        };
        if (key == null || booking.userId() == actor.id()) {
            return;
        }
        Text when = Text.of(FacilityTime.dateTime(booking.slot().start()));
        Text[] args = booking.note() == null || action.equals("approve") ? new Text[] {instrument.name(), when}
                : new Text[] {instrument.name(), when, Text.of(booking.note())};
        events.publishEvent(UserNotice.toUsers(actor.id(), List.of(booking.userId()), key, "/bookings/" + booking.id(), args));
    }

    private static String note(String reason) {
        if (reason != null && reason.length() > 1000) {
            throw new InvalidInputException("reason", "the reason is at most 1000 characters", "facility.error.tooLong", 1000);
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    // --- reading ----------------------------------------------------------------------------

    /** One booking: its details for those who may see them, 404 for anyone else. */
    public BookingView find(long id) {
        BookingRow row = bookings.find(id).orElseThrow(() -> new NotFoundException("booking", id));
        Instrument instrument = catalog.instrument(row.booking().facilityId());
        CurrentUser user = scope.currentUser().orElse(null);
        if (!visible(row, instrument, user)) {
            throw new NotFoundException("booking", id);
        }
        return view(row, instrument, user);
    }

    /** An instrument's bookings in {@code [from, to)} (at most 100 days): public slots, details where allowed. */
    public List<BookingView> forFacility(String extId, Instant from, Instant to) {
        Instrument instrument = catalog.instrument(extId);
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "to must be after from", "facility.error.endBeforeStart");
        }
        if (java.time.Duration.between(from, to).toDays() > 100) {
            throw new InvalidInputException("to", "ask for at most 100 days at a time", "facility.error.range", 100);
        }
        BookingViews.Viewer viewer = views.viewer(instrument, scope.currentUser().orElse(null));
        return bookings.forFacility(instrument.id(), from, to).stream().map(row -> views.view(row, viewer)).toList();
    }

    /** The signed-in user's bookings, latest first. */
    public Page<BookingView> mine(String status, int page, int size) {
        CurrentUser user = scope.requireSignedIn();
        String code = status == null || status.isBlank() ? null : BookingStatus.of(status).code();
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        int pageNumber = Math.max(0, page);
        List<BookingView> items = bookings.ofUser(user.id(), code, (long) pageNumber * pageSize, pageSize).stream()
                .map(row -> view(row, catalog.instrument(row.booking().facilityId()), user)).toList();
        return new Page<>(items, pageNumber, pageSize, bookings.countOfUser(user.id(), code));
    }

    /** How many bookings of the instruments the signed-in user manages wait for approval (0 for a visitor). */
    public long pendingForMyApproval() {
        return scope.currentUser().map(user -> bookings.countPendingManagedBy(user.id())).orElse(0L);
    }

    /**
     * The bookings of the instruments the user may handle, as managers or administrators of the owning organization
     * (every instrument for an ADMIN): their approval queue with {@code status=pending}; empty for anyone else.
     */
    public Page<BookingView> managed(String status, int page, int size) {
        CurrentUser user = scope.requireSignedIn();
        List<Long> facilities = catalog.handledByMe();
        String code = status == null || status.isBlank() ? null : BookingStatus.of(status).code();
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        int pageNumber = Math.max(0, page);
        if (facilities.isEmpty()) {
            return new Page<>(List.of(), pageNumber, pageSize, 0);
        }
        List<BookingView> items = bookings.ofFacilities(facilities, code, (long) pageNumber * pageSize, pageSize).stream()
                .map(row -> view(row, catalog.instrument(row.booking().facilityId()), user)).toList();
        return new Page<>(items, pageNumber, pageSize, bookings.countOfFacilities(facilities, code));
    }

    private boolean visible(BookingRow row, Instrument instrument, CurrentUser user) {
        return views.visible(row, instrument, user);
    }

    BookingView view(BookingRow row, Instrument instrument, CurrentUser user) {
        return views.view(row, instrument, user);
    }
}
