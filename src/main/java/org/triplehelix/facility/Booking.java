package org.triplehelix.facility;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.triplehelix.shared.ConflictException;

/**
 * A booking of one facility for one slot, guarding its own life cycle:
 * <pre>
 *   pending ──approve──▶ approved ──start──▶ in_use ──complete──▶ completed (usage; confirmed by a manager)
 *      │                   │  └──no-show (after the start)──▶ no_show
 *      ├──reject──▶ rejected
 *      └──cancel──▶ cancelled ◀──cancel (before the end)──┘
 * </pre>
 * An illegal transition is refused with a {@link ConflictException} (HTTP 409); who may ask for
 * which transition is the service's business ({@link Bookings}).
 */
public final class Booking {

    /** How long before its slot a booking may be started (the user came early and the instrument is free). */
    public static final Duration EARLY_START = Duration.ofHours(1);

    /** What can be done to a booking. */
    public enum Action { APPROVE, REJECT, CANCEL, START, NO_SHOW, COMPLETE, CONFIRM_USAGE }

    private final long id;
    private final long facilityId;
    private final long userId;
    private final Long organizationId;
    private final TimeSlot slot;
    private final String purpose;
    private final RateClass rateClass;
    private final Long seriesId;
    private BookingStatus status;
    private Instant actualStart;
    private Instant actualEnd;
    private Usage usage;
    private Charge charge;
    private Long usageRecordedBy;
    private Long usageConfirmedBy;
    private Instant usageConfirmedAt;
    private Long decidedBy;
    private Instant decidedAt;
    private String note;

    /** A booking as stored. */
    public Booking(long id, long facilityId, long userId, Long organizationId, TimeSlot slot, BookingStatus status,
                   String purpose, RateClass rateClass, Long seriesId) {
        this.id = id;
        this.facilityId = facilityId;
        this.userId = userId;
        this.organizationId = organizationId;
        this.slot = slot;
        this.status = status;
        this.purpose = purpose;
        this.rateClass = rateClass;
        this.seriesId = seriesId;
    }

    /** A new request: approved at once when the instrument needs no approval, else pending. */
    public static Booking request(long facilityId, long userId, Long organizationId, TimeSlot slot, String purpose,
                                  RateClass rateClass, Long seriesId, boolean approvalRequired, Instant at) {
        Booking booking = new Booking(0, facilityId, userId, organizationId, slot,
                approvalRequired ? BookingStatus.PENDING : BookingStatus.APPROVED, purpose, rateClass, seriesId);
        if (!approvalRequired) {
            booking.decidedAt = at;
        }
        return booking;
    }

    /** Restores the usage and decision of a stored booking. */
    public Booking restore(Instant actualStart, Instant actualEnd, Usage usage, Charge charge, Long usageRecordedBy,
                           Long usageConfirmedBy, Instant usageConfirmedAt, Long decidedBy, Instant decidedAt, String note) {
        this.actualStart = actualStart;
        this.actualEnd = actualEnd;
        this.usage = usage;
        this.charge = charge;
        this.usageRecordedBy = usageRecordedBy;
        this.usageConfirmedBy = usageConfirmedBy;
        this.usageConfirmedAt = usageConfirmedAt;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.note = note;
        return this;
    }

    // --- transitions ------------------------------------------------------------------------

    public void approve(long managerId, Instant at) {
        require(Action.APPROVE, status == BookingStatus.PENDING);
        status = BookingStatus.APPROVED;
        decidedBy = managerId;
        decidedAt = at;
    }

    public void reject(long managerId, Instant at, String reason) {
        require(Action.REJECT, status == BookingStatus.PENDING);
        status = BookingStatus.REJECTED;
        decidedBy = managerId;
        decidedAt = at;
        note = reason;
    }

    /** By the booker or a manager, while pending or approved and before the slot ends; frees the slot. */
    public void cancel(Instant at, String reason) {
        require(Action.CANCEL, status == BookingStatus.PENDING || status == BookingStatus.APPROVED);
        if (!at.isBefore(slot.end())) {
            throw new ConflictException("the slot " + slot.describe(FacilityTime.ZONE) + " is over: it can no longer be cancelled",
                    "facility.conflict.cancelOver", slot.local(FacilityTime.ZONE));
        }
        status = BookingStatus.CANCELLED;
        note = reason;
    }

    /** The user is at the instrument: from {@link #EARLY_START} before the slot until its end. */
    public void start(Instant at) {
        require(Action.START, status == BookingStatus.APPROVED);
        if (at.isBefore(slot.start().minus(EARLY_START)) || !at.isBefore(slot.end())) {
            throw new ConflictException("a booking is started between one hour before its slot and the slot's end ("
                    + slot.describe(FacilityTime.ZONE) + ")", "facility.conflict.startWindow", slot.local(FacilityTime.ZONE));
        }
        status = BookingStatus.IN_USE;
        actualStart = at;
    }

    /** Nobody came: only once the slot has begun. */
    public void markNoShow(long managerId, Instant at) {
        require(Action.NO_SHOW, status == BookingStatus.APPROVED);
        if (at.isBefore(slot.start())) {
            throw new ConflictException("a booking is marked no-show only once its slot has begun", "facility.conflict.noShowEarly",
                    slot.local(FacilityTime.ZONE));
        }
        status = BookingStatus.NO_SHOW;
        decidedBy = managerId;
        decidedAt = at;
    }

    /**
     * The use is over: the usage is recorded and charged by the rate class. A manager's record
     * stands confirmed; the booker's awaits a manager's confirmation.
     */
    public void complete(Usage used, FeeSchedule fees, long recordedBy, boolean byManager, Instant at) {
        require(Action.COMPLETE, status == BookingStatus.IN_USE);
        Charge computed = fees.charge(rateClass, used);
        status = BookingStatus.COMPLETED;
        actualEnd = at;
        usage = used;
        charge = computed;
        usageRecordedBy = recordedBy;
        if (byManager) {
            usageConfirmedBy = recordedBy;
            usageConfirmedAt = at;
        }
    }

    /** A manager confirms the recorded usage, or corrects it ({@code corrected} not null). */
    public void confirmUsage(Usage corrected, FeeSchedule fees, long managerId, Instant at) {
        require(Action.CONFIRM_USAGE, status == BookingStatus.COMPLETED && usageConfirmedAt == null);
        Usage confirmed = corrected == null ? usage : corrected;
        charge = fees.charge(rateClass, confirmed);
        usage = confirmed;
        usageConfirmedBy = managerId;
        usageConfirmedAt = at;
    }

    /** The transitions its state allows (whoever asks). */
    public Set<Action> possibleActions() {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        switch (status) {
            case PENDING -> actions.addAll(EnumSet.of(Action.APPROVE, Action.REJECT, Action.CANCEL));
            case APPROVED -> actions.addAll(EnumSet.of(Action.START, Action.NO_SHOW, Action.CANCEL));
            case IN_USE -> actions.add(Action.COMPLETE);
            case COMPLETED -> {
                if (usageConfirmedAt == null) {
                    actions.add(Action.CONFIRM_USAGE);
                }
            }
            default -> { }
        }
        return actions;
    }

    /**
     * Refuses a transition the state does not allow; the key {@code facility.conflict.state.<action>}
     * says it in the reader's language with the status as its argument (a status label of the bundles).
     */
    private void require(Action action, boolean allowed) {
        if (!allowed) {
            throw new ConflictException("a booking that is " + status.code().replace('_', ' ') + " cannot be "
                    + switch (action) {
                        case APPROVE -> "approved";
                        case REJECT -> "rejected";
                        case CANCEL -> "cancelled";
                        case START -> "started";
                        case NO_SHOW -> "marked no-show";
                        case COMPLETE -> "completed";
                        case CONFIRM_USAGE -> "confirmed (its usage is not awaiting confirmation)";
                    }, "facility.conflict.state." + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    new DefaultMessageSourceResolvable("facility.status." + status.code()));
        }
    }

    /** What the audit trail keeps before and after a change. */
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("facilityId", facilityId);
        snapshot.put("userId", userId);
        snapshot.put("organizationId", organizationId);
        snapshot.put("start", slot.start().toString());
        snapshot.put("end", slot.end().toString());
        snapshot.put("status", status.code());
        snapshot.put("rateClass", rateClass.code());
        snapshot.put("purpose", purpose);
        if (seriesId != null) {
            snapshot.put("seriesId", seriesId);
        }
        if (usage != null) {
            snapshot.put("hours", usage.hours().toPlainString());
            snapshot.put("samples", usage.samples());
            snapshot.put("fee", charge == null ? null : charge.amount().toPlainString());
            snapshot.put("usageConfirmed", usageConfirmedAt != null);
        }
        if (note != null) {
            snapshot.put("note", note);
        }
        return snapshot;
    }

    // --- state ------------------------------------------------------------------------------

    public long id() { return id; }
    public long facilityId() { return facilityId; }
    public long userId() { return userId; }
    public Long organizationId() { return organizationId; }
    public TimeSlot slot() { return slot; }
    public BookingStatus status() { return status; }
    public String purpose() { return purpose; }
    public RateClass rateClass() { return rateClass; }
    public Long seriesId() { return seriesId; }
    public Instant actualStart() { return actualStart; }
    public Instant actualEnd() { return actualEnd; }
    public Usage usage() { return usage; }
    public Charge charge() { return charge; }
    public Long usageRecordedBy() { return usageRecordedBy; }
    public Long usageConfirmedBy() { return usageConfirmedBy; }
    public Instant usageConfirmedAt() { return usageConfirmedAt; }
    public boolean usageConfirmed() { return usageConfirmedAt != null; }
    public Long decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String note() { return note; }
}
