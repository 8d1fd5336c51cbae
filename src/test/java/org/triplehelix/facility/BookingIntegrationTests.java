package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.Account;
import org.triplehelix.access.Role;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;

/**
 * Booking on the embedded PostgreSQL through the services: the exclusion constraint decides
 * between concurrent requests, back-to-back slots are allowed, maintenance and training hold,
 * the waitlist offers freed slots, weekly series skip or refuse, the rate class follows the
 * booker's organization.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    Bookings bookings;
    @Autowired
    Maintenance maintenance;
    @Autowired
    Trainings trainings;
    @Autowired
    Waitlist waitlist;

    FacilityFixtures fixtures;
    long owner;
    long customer;
    Account manager;
    Account enterprise;
    Account researcher;

    @BeforeAll
    void world() {
        fixtures = FacilityFixtures.of(context);
        owner = fixtures.access().organization("Owner University", null);
        customer = fixtures.access().organization("Customer Enterprise", null);
        manager = fixtures.access().user(owner, Role.RESEARCHER);
        enterprise = fixtures.access().user(customer, Role.ENTERPRISE);
        researcher = fixtures.access().user(owner, Role.RESEARCHER);
    }

    String instrument(boolean approval, boolean training) {
        String extId = fixtures.openFacility(owner, approval, training);
        fixtures.managers(extId, manager);
        return extId;
    }

    @Test
    void fiftyConcurrentRequestsForOverlappingSlotsBookExactlyOne() throws Exception {
        String extId = instrument(true, false);
        Instant base = FacilityFixtures.hoursAhead(10, 9);
        List<Account> bookers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            bookers.add(fixtures.access().user(customer, Role.ENTERPRISE));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Account booker = bookers.get(i);
            // every slot contains [base + 49 min, base + 2 h): all fifty overlap pairwise
            Instant start = base.plus(Duration.ofMinutes(i));
            Callable<Object> call = () -> {
                go.await();
                try {
                    return fixtures.as(booker, () -> bookings.request(extId, FacilityFixtures.request(start, Duration.ofHours(2), "race")));
                } catch (BookingConflictException e) {
                    return e;
                }
            };
            results.add(pool.submit(call));
        }
        go.countDown();
        List<BookingView> booked = new ArrayList<>();
        List<BookingConflictException> refused = new ArrayList<>();
        for (Future<Object> result : results) {
            Object outcome = result.get();
            if (outcome instanceof BookingView view) {
                booked.add(view);
            } else {
                refused.add((BookingConflictException) outcome);
            }
        }
        pool.shutdown();
        assertThat(booked).hasSize(1);
        assertThat(refused).hasSize(49);
        long winner = booked.getFirst().id();
        assertThat(refused).allSatisfy(e -> {
            assertThat(e.conflict().kind()).isEqualTo("booking");
            assertThat(e.conflict().bookingId()).isEqualTo(winner);
            assertThat(e.getMessage()).contains("is taken by booking " + winner);
        });
        assertThat(fixtures.count("select count(*) from booking where facility_id = ?", fixtures.facilityId(extId))).isEqualTo(1);
    }

    @Test
    void aBookingThatEndsWhenTheNextBeginsIsAllowed() {
        String extId = instrument(false, false);
        Instant start = FacilityFixtures.hoursAhead(11, 9);
        BookingView first = fixtures.as(enterprise, () -> bookings.request(extId, FacilityFixtures.request(start, Duration.ofHours(2), null)));
        BookingView second = fixtures.as(researcher, () -> bookings.request(extId,
                FacilityFixtures.request(start.plus(Duration.ofHours(2)), Duration.ofHours(1), null)));
        BookingView before = fixtures.as(researcher, () -> bookings.request(extId,
                FacilityFixtures.request(start.minus(Duration.ofHours(1)), Duration.ofHours(1), null)));
        assertThat(List.of(first.status(), second.status(), before.status())).containsOnly(BookingStatus.APPROVED);
        assertThatThrownBy(() -> fixtures.as(researcher, () -> bookings.request(extId,
                FacilityFixtures.request(start.plus(Duration.ofMinutes(119)), Duration.ofMinutes(30), null))))
                .isInstanceOf(BookingConflictException.class).hasMessageContaining("booking " + first.id());
    }

    @Test
    void aCancelledSlotCanBeBookedAgain() {
        String extId = instrument(true, false);
        Instant start = FacilityFixtures.hoursAhead(12, 9);
        BookingView first = fixtures.as(enterprise, () -> bookings.request(extId, FacilityFixtures.request(start, Duration.ofHours(2), null)));
        fixtures.as(enterprise, () -> bookings.cancel(first.id(), "plans changed"));
        BookingView again = fixtures.as(researcher, () -> bookings.request(extId, FacilityFixtures.request(start, Duration.ofHours(2), null)));
        assertThat(again.status()).isEqualTo(BookingStatus.PENDING);
    }

    @Test
    void maintenanceWindowsBlockBookingAndAreBlockedByBookings() {
        String extId = instrument(true, false);
        Instant start = FacilityFixtures.hoursAhead(13, 8);
        MaintenanceWindow window = fixtures.as(manager, () -> maintenance.add(extId,
                new MaintenanceRequest(start.toString(), start.plus(Duration.ofHours(4)).toString(), "calibration", false)));
        assertThatThrownBy(() -> fixtures.as(enterprise, () -> bookings.request(extId,
                FacilityFixtures.request(start.plus(Duration.ofHours(3)), Duration.ofHours(2), null))))
                .isInstanceOf(BookingConflictException.class)
                .satisfies(e -> assertThat(((BookingConflictException) e).conflict().maintenanceId()).isEqualTo(window.id()));
        // a booking right after the window is fine
        BookingView after = fixtures.as(enterprise, () -> bookings.request(extId,
                FacilityFixtures.request(start.plus(Duration.ofHours(4)), Duration.ofHours(1), null)));
        // a window over a booking is refused, naming it, unless the booking is to be cancelled
        MaintenanceRequest over = new MaintenanceRequest(start.plus(Duration.ofHours(4)).toString(),
                start.plus(Duration.ofHours(6)).toString(), "repair", false);
        assertThatThrownBy(() -> fixtures.as(manager, () -> maintenance.add(extId, over)))
                .isInstanceOf(BookingConflictException.class).hasMessageContaining("booking " + after.id());
        assertThatThrownBy(() -> fixtures.as(manager, () -> maintenance.add(extId, new MaintenanceRequest(
                start.plus(Duration.ofHours(1)).toString(), start.plus(Duration.ofHours(2)).toString(), "overlap", false))))
                .isInstanceOf(BookingConflictException.class).hasMessageContaining("maintenance");
        fixtures.as(manager, () -> maintenance.add(extId, new MaintenanceRequest(over.start(), over.end(), "repair", true)));
        assertThat(fixtures.as(enterprise, () -> bookings.find(after.id())).status()).isEqualTo(BookingStatus.CANCELLED);
        // only managers keep maintenance
        assertThatThrownBy(() -> fixtures.as(enterprise, () -> maintenance.add(extId, over))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anInstrumentThatRequiresTrainingIsBookedOnlyWithAValidRecord() {
        String extId = instrument(true, true);
        Instant start = FacilityFixtures.hoursAhead(14, 9);
        BookingRequest request = FacilityFixtures.request(start, Duration.ofHours(1), null);
        assertThatThrownBy(() -> fixtures.as(enterprise, () -> bookings.request(extId, request)))
                .isInstanceOf(TrainingRequiredException.class);
        // a record that expires before the slot does not count
        fixtures.as(manager, () -> trainings.grant(extId, enterprise.email(), LocalDate.now(FacilityTime.ZONE).plusDays(3)));
        assertThatThrownBy(() -> fixtures.as(enterprise, () -> bookings.request(extId, request)))
                .isInstanceOf(TrainingRequiredException.class);
        fixtures.as(manager, () -> trainings.grant(extId, enterprise.email(), LocalDate.now(FacilityTime.ZONE).plusDays(30)));
        assertThat(fixtures.as(enterprise, () -> bookings.request(extId, request)).status()).isEqualTo(BookingStatus.PENDING);
        // and only managers grant training
        assertThatThrownBy(() -> fixtures.as(researcher, () -> trainings.grant(extId, researcher.email(), null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theWaitlistOffersAFreedSlotToTheNextInLine() {
        String extId = instrument(true, false);
        Instant start = FacilityFixtures.hoursAhead(15, 9);
        Account second = fixtures.access().user(customer, Role.ENTERPRISE);
        Account third = fixtures.access().user(customer, Role.ENTERPRISE);
        BookingView taken = fixtures.as(enterprise, () -> bookings.request(extId, FacilityFixtures.request(start, Duration.ofHours(3), null)));
        // a free slot is booked, not waited for
        assertThatThrownBy(() -> fixtures.as(second, () -> waitlist.join(extId,
                FacilityFixtures.request(start.plus(Duration.ofHours(3)), Duration.ofHours(1), null))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("free");
        WaitlistEntry first = fixtures.as(second, () -> waitlist.join(extId, FacilityFixtures.request(start, Duration.ofHours(2), "waiting")));
        WaitlistEntry later = fixtures.as(third, () -> waitlist.join(extId,
                FacilityFixtures.request(start.plus(Duration.ofHours(1)), Duration.ofHours(2), "waiting too")));
        assertThat(first.status()).isEqualTo("waiting");

        fixtures.as(enterprise, () -> bookings.cancel(taken.id(), null));

        WaitlistEntry offered = fixtures.as(second, () -> waitlist.mine()).stream().filter(e -> e.id() == first.id()).findFirst().orElseThrow();
        assertThat(offered.status()).isEqualTo("offered");
        assertThat(offered.offerExpiresAt()).isAfter(Instant.now());
        // the later entry overlaps the offered one: it keeps waiting
        assertThat(fixtures.as(third, () -> waitlist.mine()).stream().filter(e -> e.id() == later.id()).findFirst().orElseThrow().status())
                .isEqualTo("waiting");
        assertThatThrownBy(() -> fixtures.as(third, () -> waitlist.accept(first.id()))).isInstanceOf(org.triplehelix.shared.NotFoundException.class);

        // the next in line declines: the offer passes on to the later entry
        fixtures.as(second, () -> waitlist.decline(first.id()));
        assertThat(fixtures.as(third, () -> waitlist.mine()).stream().filter(e -> e.id() == later.id()).findFirst().orElseThrow().status())
                .isEqualTo("offered");
        BookingView booked = fixtures.as(third, () -> waitlist.accept(later.id()));
        assertThat(booked.start()).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat(booked.status()).isEqualTo(BookingStatus.PENDING);
        assertThat(fixtures.as(third, () -> waitlist.mine()).stream().filter(e -> e.id() == later.id()).findFirst().orElseThrow().bookingId())
                .isEqualTo(booked.id());
    }

    @Test
    void aWeeklySeriesSkipsConflictsAndReportsEachOccurrence() {
        String extId = instrument(false, false);
        Instant first = FacilityFixtures.hoursAhead(16, 10);
        BookingView blocker = fixtures.as(researcher, () -> bookings.request(extId,
                FacilityFixtures.request(first.plus(Duration.ofDays(14)).plus(Duration.ofMinutes(30)), Duration.ofHours(1), null)));
        WeeklyRequest skipping = new WeeklyRequest(first.toString(), first.plus(Duration.ofHours(2)).toString(), 4, null, true, "series");
        SeriesReport report = fixtures.as(enterprise, () -> bookings.requestWeekly(extId, skipping));
        assertThat(report.booked()).isEqualTo(3);
        assertThat(report.notBooked()).isEqualTo(1);
        assertThat(report.occurrences()).extracting(SeriesReport.Occurrence::outcome).containsExactly("booked", "booked", "conflict", "booked");
        SeriesReport.Occurrence conflict = report.occurrences().get(2);
        assertThat(conflict.conflict().bookingId()).isEqualTo(blocker.id());
        assertThat(conflict.start()).isEqualTo(first.plus(Duration.ofDays(14)));
        assertThat(fixtures.count("select count(*) from booking where series_id = ?", report.seriesId())).isEqualTo(3);
    }

    @Test
    void aWeeklySeriesWithoutSkippingIsAllOrNothing() {
        String extId = instrument(false, false);
        Instant first = FacilityFixtures.hoursAhead(17, 10);
        BookingView blocker = fixtures.as(researcher, () -> bookings.request(extId,
                FacilityFixtures.request(first.plus(Duration.ofDays(7)), Duration.ofHours(1), null)));
        long before = fixtures.count("select count(*) from booking where facility_id = ?", fixtures.facilityId(extId));
        WeeklyRequest allOrNothing = new WeeklyRequest(first.toString(), first.plus(Duration.ofHours(2)).toString(), 3, null, false, null);
        assertThatThrownBy(() -> fixtures.as(enterprise, () -> bookings.requestWeekly(extId, allOrNothing)))
                .isInstanceOf(SeriesRefusedException.class)
                .satisfies(e -> {
                    SeriesReport report = ((SeriesRefusedException) e).report();
                    assertThat(report.occurrences()).extracting(SeriesReport.Occurrence::outcome).containsExactly("free", "conflict", "free");
                    assertThat(report.occurrences().get(1).conflict().bookingId()).isEqualTo(blocker.id());
                    assertThat(report.booked()).isZero();
                });
        assertThat(fixtures.count("select count(*) from booking where facility_id = ?", fixtures.facilityId(extId))).isEqualTo(before);
        // once the way is clear, the same series books all three
        fixtures.as(researcher, () -> bookings.cancel(blocker.id(), null));
        assertThat(fixtures.as(enterprise, () -> bookings.requestWeekly(extId, allOrNothing)).booked()).isEqualTo(3);
    }

    @Test
    void theLifeOfABookingWithItsFeeByRateClass() {
        String extId = instrument(true, false);
        Instant start = FacilityFixtures.hoursAhead(0, 0).plus(Duration.ofMinutes(30));
        Instant slotStart = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        BookingView external = fixtures.as(enterprise, () -> bookings.request(extId, FacilityFixtures.request(slotStart, Duration.ofHours(2), "external use")));
        assertThat(external.rateClass()).isEqualTo(RateClass.EXTERNAL);
        assertThat(external.actions()).containsExactly("cancel");
        // the booker cannot approve; a stranger cannot even see it
        assertThatThrownBy(() -> fixtures.as(enterprise, () -> bookings.approve(external.id()))).isInstanceOf(AccessDeniedException.class);
        Account stranger = fixtures.access().user(fixtures.access().organization("Stranger", null), Role.ENTERPRISE);
        assertThatThrownBy(() -> fixtures.as(stranger, () -> bookings.approve(external.id()))).isInstanceOf(org.triplehelix.shared.NotFoundException.class);
        BookingView approved = fixtures.as(manager, () -> bookings.approve(external.id()));
        assertThat(approved.status()).isEqualTo(BookingStatus.APPROVED);
        assertThatThrownBy(() -> fixtures.as(manager, () -> bookings.approve(external.id()))).isInstanceOf(ConflictException.class);
        fixtures.as(enterprise, () -> bookings.start(external.id()));
        BookingView completed = fixtures.as(enterprise, () -> bookings.complete(external.id(), new UsageInput(new java.math.BigDecimal("1.5"), null)));
        assertThat(completed.usageConfirmed()).isFalse();
        assertThat(completed.fee().amount()).isEqualByComparingTo("450.00");
        BookingView confirmed = fixtures.as(manager, () -> bookings.confirmUsage(external.id(), null));
        assertThat(confirmed.usageConfirmed()).isTrue();
        assertThat(fixtures.count("select count(*) from audit_log where entity_kind = 'booking' and entity_id = ?",
                String.valueOf(external.id()))).isEqualTo(5);   // create, approve, start, complete, confirm-usage

        // a researcher of the owning organization pays the internal rate
        BookingView internal = fixtures.as(researcher, () -> bookings.request(extId,
                FacilityFixtures.request(start.plus(Duration.ofDays(20)), Duration.ofHours(1), null)));
        assertThat(internal.rateClass()).isEqualTo(RateClass.INTERNAL);
    }

    @Test
    void rulesAreCheckedOnTheServer() {
        String extId = instrument(true, false);
        assertThatThrownBy(() -> fixtures.as(enterprise, () -> bookings.request(extId,
                FacilityFixtures.request(Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES), Duration.ofHours(1), null))))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("start");
        assertThatThrownBy(() -> fixtures.as(enterprise, () -> bookings.request(extId,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(3, 9), Duration.ofHours(13), null))))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("end");
        // a reviewer books nothing
        Account reviewer = fixtures.access().user(customer, Role.REVIEWER);
        assertThatThrownBy(() -> fixtures.as(reviewer, () -> bookings.request(extId,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(3, 9), Duration.ofHours(1), null))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
