package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.triplehelix.shared.ConflictException;

/**
 * The facility's conflicts said through the bundles as a page says them, in Chinese and English:
 * the booking or maintenance window in the way with its time, and an illegal transition with the
 * booking's status in the reader's language; the English message of the API stays as it was.
 */
class FacilityConflictMessagesTests {

    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("messages/facility");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    static String zh(String key, Object... args) {
        return MESSAGES.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    static String en(String key, Object... args) {
        return MESSAGES.getMessage(key, args, Locale.ENGLISH);
    }

    @Test
    void aSlotConflictSaysWhichBookingOrWindowIsInTheWayAndWhen() {
        BookingConflictException booking = new BookingConflictException(SlotConflict.booking(12345, BookingStatus.APPROVED, BookingTests.SLOT));
        assertThat(booking.getMessage()).isEqualTo("the slot 2030-03-04 10:00–12:00 (Asia/Shanghai) is taken by booking 12345 (approved)");
        assertThat(zh(booking.key(), booking.args())).isEqualTo("预约 #12345（已批准）已占用 2030-03-04 10:00–12:00。");
        assertThat(en(booking.key(), booking.args())).isEqualTo("Booking #12345 (Approved) already holds 2030-03-04 10:00–12:00.");

        BookingConflictException maintenance = new BookingConflictException(SlotConflict.maintenance(7, BookingTests.SLOT));
        assertThat(maintenance.getMessage()).isEqualTo("the instrument is under maintenance 2030-03-04 10:00–12:00 (Asia/Shanghai) (maintenance window 7)");
        assertThat(zh(maintenance.key(), maintenance.args())).isEqualTo("该仪器 2030-03-04 10:00–12:00 安排了维护（维护时段 #7）。");
        assertThat(en(maintenance.key(), maintenance.args())).isEqualTo("The instrument is under maintenance 2030-03-04 10:00–12:00 (maintenance window #7).");

        BookingConflictException vanished = new BookingConflictException(SlotConflict.vanished(BookingTests.SLOT));
        assertThat(zh(vanished.key(), vanished.args())).isEqualTo("2030-03-04 10:00–12:00 刚刚被另一个预约占用。");
    }

    @Test
    void anIllegalTransitionNamesTheBookingsStatusInTheReadersLanguage() {
        Booking approved = BookingTests.approved();
        ConflictException again = catchThrowableOfType(ConflictException.class, () -> approved.approve(9, BookingTests.BEFORE));
        assertThat(again.getMessage()).isEqualTo("a booking that is approved cannot be approved");
        assertThat(zh(again.key(), again.args())).isEqualTo("该预约当前为“已批准”，不能批准。");
        assertThat(en(again.key(), again.args())).isEqualTo("The booking is “Approved”: it cannot be approved.");

        Booking inUse = BookingTests.inUse();
        ConflictException noShow = catchThrowableOfType(ConflictException.class, () -> inUse.markNoShow(9, BookingTests.START));
        assertThat(zh(noShow.key(), noShow.args())).isEqualTo("该预约当前为“使用中”，不能标记未到场。");
    }

    @Test
    void aTimingConflictSaysTheSlot() {
        Booking approved = BookingTests.approved();
        ConflictException late = catchThrowableOfType(ConflictException.class,
                () -> approved.cancel(BookingTests.START.plus(Duration.ofHours(3)), null));
        assertThat(late.getMessage()).isEqualTo("the slot 2030-03-04 10:00–12:00 (Asia/Shanghai) is over: it can no longer be cancelled");
        assertThat(zh(late.key(), late.args())).isEqualTo("预约时段 2030-03-04 10:00–12:00 已结束，不能再取消。");
        assertThat(en(late.key(), late.args())).isEqualTo("The slot 2030-03-04 10:00–12:00 is over: the booking can no longer be cancelled.");
    }
}
