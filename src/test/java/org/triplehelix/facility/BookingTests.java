package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.triplehelix.shared.ConflictException;

/** The booking aggregate: every legal transition, and every illegal one refused with a conflict. */
class BookingTests {

    static final Instant START = Instant.parse("2030-03-04T02:00:00Z");
    static final TimeSlot SLOT = new TimeSlot(START, START.plus(Duration.ofHours(2)));
    static final FeeSchedule FEES = new FeeSchedule(FeeUnit.HOUR, new BigDecimal("100.00"), new BigDecimal("250.00"));
    static final Instant BEFORE = START.minus(Duration.ofDays(1));

    static Booking pending() {
        return Booking.request(1, 7, 3L, SLOT, "XRD of thin films", RateClass.EXTERNAL, null, true, BEFORE);
    }

    static Booking approved() {
        Booking booking = pending();
        booking.approve(9, BEFORE);
        return booking;
    }

    static Booking inUse() {
        Booking booking = approved();
        booking.start(START);
        return booking;
    }

    @Test
    void aRequestIsPendingWhenTheInstrumentNeedsApprovalAndApprovedWhenNot() {
        assertThat(pending().status()).isEqualTo(BookingStatus.PENDING);
        Booking automatic = Booking.request(1, 7, 3L, SLOT, null, RateClass.INTERNAL, null, false, BEFORE);
        assertThat(automatic.status()).isEqualTo(BookingStatus.APPROVED);
        assertThat(automatic.decidedAt()).isEqualTo(BEFORE);
        assertThat(automatic.decidedBy()).isNull();
    }

    @Test
    void theHappyPathRunsFromRequestToConfirmedUsage() {
        Booking booking = pending();
        booking.approve(9, BEFORE);
        assertThat(booking.status()).isEqualTo(BookingStatus.APPROVED);
        assertThat(booking.decidedBy()).isEqualTo(9L);
        booking.start(START.minus(Duration.ofMinutes(10)));
        assertThat(booking.status()).isEqualTo(BookingStatus.IN_USE);
        booking.complete(Usage.of("1.75", null), FEES, 7, false, START.plus(Duration.ofHours(2)));
        assertThat(booking.status()).isEqualTo(BookingStatus.COMPLETED);
        assertThat(booking.usageConfirmed()).isFalse();
        assertThat(booking.charge().amount()).isEqualByComparingTo("437.50");
        assertThat(booking.possibleActions()).containsExactly(Booking.Action.CONFIRM_USAGE);
        booking.confirmUsage(Usage.of("2", null), FEES, 9, START.plus(Duration.ofHours(3)));
        assertThat(booking.usageConfirmed()).isTrue();
        assertThat(booking.usageConfirmedBy()).isEqualTo(9L);
        assertThat(booking.charge().amount()).isEqualByComparingTo("500.00");
        assertThat(booking.possibleActions()).isEmpty();
    }

    @Test
    void aManagersRecordOfUsageStandsConfirmed() {
        Booking booking = inUse();
        booking.complete(Usage.of("2", null), FEES, 9, true, START.plus(Duration.ofHours(2)));
        assertThat(booking.usageConfirmed()).isTrue();
        assertThatThrownBy(() -> booking.confirmUsage(null, FEES, 9, START)).isInstanceOf(ConflictException.class);
    }

    @Test
    void rejectionAndCancellationEndTheBooking() {
        Booking rejected = pending();
        rejected.reject(9, BEFORE, "instrument reserved for calibration");
        assertThat(rejected.status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(rejected.note()).isEqualTo("instrument reserved for calibration");

        Booking cancelledWhilePending = pending();
        cancelledWhilePending.cancel(BEFORE, null);
        assertThat(cancelledWhilePending.status()).isEqualTo(BookingStatus.CANCELLED);

        Booking cancelledOnceApproved = approved();
        cancelledOnceApproved.cancel(START.plus(Duration.ofMinutes(30)), "sample not ready");
        assertThat(cancelledOnceApproved.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelledOnceApproved.status().holdsSlot()).isFalse();
    }

    @Test
    void aBookingIsNoShowOnlyOnceItsSlotHasBegun() {
        Booking booking = approved();
        assertThatThrownBy(() -> booking.markNoShow(9, START.minusSeconds(1))).isInstanceOf(ConflictException.class);
        booking.markNoShow(9, START.plus(Duration.ofMinutes(20)));
        assertThat(booking.status()).isEqualTo(BookingStatus.NO_SHOW);
    }

    @Test
    void aBookingStartsFromAnHourBeforeItsSlotUntilItsEnd() {
        assertThatThrownBy(() -> approved().start(START.minus(Duration.ofMinutes(61)))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> approved().start(SLOT.end())).isInstanceOf(ConflictException.class);
        Booking early = approved();
        early.start(START.minus(Duration.ofHours(1)));
        assertThat(early.actualStart()).isEqualTo(START.minus(Duration.ofHours(1)));
    }

    @Test
    void anOverSlotCannotBeCancelled() {
        assertThatThrownBy(() -> approved().cancel(SLOT.end(), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("over");
    }

    @Test
    void everyIllegalTransitionIsAConflict() {
        Booking pending = pending();
        assertThatThrownBy(() -> pending.start(START)).isInstanceOf(ConflictException.class)
                .hasMessage("a booking that is pending cannot be started");
        assertThatThrownBy(() -> pending.complete(Usage.of("1", null), FEES, 7, false, START)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> pending.markNoShow(9, START)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> pending.confirmUsage(null, FEES, 9, START)).isInstanceOf(ConflictException.class);

        Booking approved = approved();
        assertThatThrownBy(() -> approved.approve(9, BEFORE)).isInstanceOf(ConflictException.class)
                .hasMessage("a booking that is approved cannot be approved");
        assertThatThrownBy(() -> approved.reject(9, BEFORE, null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> approved.complete(Usage.of("1", null), FEES, 7, false, START)).isInstanceOf(ConflictException.class);

        Booking inUse = inUse();
        assertThatThrownBy(() -> inUse.cancel(START, null)).isInstanceOf(ConflictException.class)
                .hasMessage("a booking that is in use cannot be cancelled");
        assertThatThrownBy(() -> inUse.approve(9, START)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> inUse.markNoShow(9, START)).isInstanceOf(ConflictException.class);

        Booking cancelled = pending();
        cancelled.cancel(BEFORE, null);
        for (Runnable transition : new Runnable[] {
                () -> cancelled.approve(9, BEFORE), () -> cancelled.reject(9, BEFORE, null), () -> cancelled.cancel(BEFORE, null),
                () -> cancelled.start(START), () -> cancelled.markNoShow(9, START)}) {
            assertThatThrownBy(transition::run).isInstanceOf(ConflictException.class);
        }
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void theStatusesThatHoldASlotAreThoseOfTheExclusionConstraint() {
        assertThat(java.util.Arrays.stream(BookingStatus.values()).filter(BookingStatus::holdsSlot).map(BookingStatus::code))
                .containsExactly("pending", "approved", "in_use");
    }

    @Test
    void theSnapshotKeepsWhatTheAuditTrailNeeds() {
        Booking booking = inUse();
        booking.complete(Usage.of("2", null), FEES, 9, true, START.plus(Duration.ofHours(2)));
        assertThat(booking.snapshot()).containsEntry("status", "completed").containsEntry("hours", "2.00")
                .containsEntry("fee", "500.00").containsEntry("rateClass", "external").containsEntry("usageConfirmed", true);
    }
}
