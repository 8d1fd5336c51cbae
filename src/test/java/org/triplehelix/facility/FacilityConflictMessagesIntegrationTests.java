package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.triplehelix.access.Account;
import org.triplehelix.access.HelixClient;
import org.triplehelix.access.Role;

/**
 * The facility pages say a refusal or a conflict in the reader's language, Chinese or English:
 * what is in the way of a booking (another booking, a maintenance window, with its time), a refused
 * field that the service names, a collision on the management page; never the API's English text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacilityConflictMessagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    FacilityFixtures fixtures;
    long owner;
    Account manager;
    Account customer;

    @BeforeAll
    void world() {
        fixtures = FacilityFixtures.of(context);
        owner = fixtures.access().organization("Conflict Institute", null);
        manager = fixtures.access().user(owner, Role.RESEARCHER);
        customer = fixtures.access().user(fixtures.access().organization("Conflict Enterprise", null), Role.ENTERPRISE);
    }

    HelixClient signedIn(Account account) {
        return HelixClient.signedIn(port, account);
    }


    static String local(Instant start, Duration length) {
        return new TimeSlot(start, start.plus(length)).local(FacilityTime.ZONE);
    }

    @Test
    void aBookingThatCollidesWithAnotherSaysWhichBookingAndWhen() {
        String extId = fixtures.openFacility(owner, true, false);
        Instant start = FacilityFixtures.hoursAhead(40, 10);
        BookingView holder = fixtures.as(manager, () -> context.getBean(Bookings.class)
                .request(extId, FacilityFixtures.request(start, Duration.ofHours(2), null)));
        HelixClient client = signedIn(customer);
        Map<String, String> form = Map.of("start", start.plus(Duration.ofHours(1)).toString(), "minutes", "60", "purpose", "XRD");

        HelixClient.Response zh = client.postHtmx("/facilities/" + extId + "/bookings?lang=zh", form);
        assertThat(zh.body()).contains("id=\"book-conflict\">该时段已被占用。预约 #" + holder.id() + "（待审批）已占用 "
                        + local(start, Duration.ofHours(2)) + "。请选择其他时段，或加入候补。</p>")
                .doesNotContain("is taken by booking").doesNotContain("Asia/Shanghai").contains("id=\"join-waitlist\"");
        HelixClient.Response en = client.postHtmx("/facilities/" + extId + "/bookings?lang=en", form);
        assertThat(en.body()).contains("id=\"book-conflict\">This slot is taken. Booking #" + holder.id() + " (Awaiting approval) already holds "
                + local(start, Duration.ofHours(2)) + ". Choose another slot, or join the waitlist.</p>");
        assertThat(fixtures.count("select count(*) from booking where facility_id = ?", fixtures.facilityId(extId))).isOne();

        // a plain form post: 409, the same message; the API keeps its English problem detail
        Map<String, String> plain = new LinkedHashMap<>(form);
        plain.put("weeks", "1");
        HelixClient.Response post = client.postForm("/facilities/" + extId + "/bookings?lang=zh", plain);
        assertThat(post.status()).isEqualTo(409);
        assertThat(post.body()).contains("预约 #" + holder.id() + "（待审批）已占用");
    }

    @Test
    void aWeeklySeriesSaysEachDateAndWhatIsInTheWayInTheReadersLanguage() {
        String extId = fixtures.openFacility(owner, false, false);
        Instant first = FacilityFixtures.hoursAhead(44, 15);
        Instant second = first.plus(Duration.ofDays(7));
        BookingView holder = fixtures.as(manager, () -> context.getBean(Bookings.class)
                .request(extId, FacilityFixtures.request(second, Duration.ofHours(1), null)));
        HelixClient client = signedIn(customer);
        HelixClient.Response zh = client.postHtmx("/facilities/" + extId + "/bookings?lang=zh",
                Map.of("start", first.toString(), "minutes", "60", "weeks", "2", "skipConflicts", "true"));
        assertThat(zh.body()).contains("已预约 1 次，1 次未预约（见下表）。")
                .contains(local(first, Duration.ofHours(1)) + "（北京时间） · 已预约")
                .containsPattern(Pattern.quote(local(second, Duration.ofHours(1)) + "（北京时间） · 时段冲突")
                        + "\\s*· 预约 #" + holder.id() + "（已批准）已占用 " + Pattern.quote(local(second, Duration.ofHours(1))) + "。")
                .doesNotContain("Asia/Shanghai");
        HelixClient.Response en = client.postHtmx("/facilities/" + extId + "/bookings?lang=en",
                Map.of("start", first.minus(Duration.ofDays(7)).toString(), "minutes", "60", "weeks", "2", "skipConflicts", "false"));
        assertThat(en.body()).contains("1 of the dates cannot be booked, so none was (all or nothing).")
                .contains(local(first.minus(Duration.ofDays(7)), Duration.ofHours(1)) + " (Beijing time) · free (not booked)")
                .containsPattern(Pattern.quote(local(first, Duration.ofHours(1)) + " (Beijing time) · taken")
                        + "\\s*· Booking #\\d+ \\(Approved\\) already holds " + Pattern.quote(local(first, Duration.ofHours(1))) + "\\.")
                .doesNotContain("Asia/Shanghai");
    }

    @Test
    void aBookingThatCollidesWithMaintenanceSaysWhichWindowAndWhen() {
        String extId = fixtures.openFacility(owner, false, false);
        fixtures.managers(extId, manager);
        Instant start = FacilityFixtures.hoursAhead(41, 8);
        MaintenanceWindow window = fixtures.as(manager, () -> context.getBean(Maintenance.class).add(extId,
                new MaintenanceRequest(start.toString(), start.plus(Duration.ofHours(4)).toString(), "calibration", false)));
        HelixClient client = signedIn(customer);
        Map<String, String> form = Map.of("start", start.plus(Duration.ofHours(1)).toString(), "minutes", "60");

        HelixClient.Response zh = client.postHtmx("/facilities/" + extId + "/bookings?lang=zh", form);
        assertThat(zh.body()).contains("id=\"book-conflict\">该仪器 " + local(start, Duration.ofHours(4)) + " 安排了维护（维护时段 #"
                + window.id() + "）。</p>").doesNotContain("under maintenance").doesNotContain("id=\"join-waitlist\"");
        HelixClient.Response en = client.postHtmx("/facilities/" + extId + "/bookings?lang=en", form);
        assertThat(en.body()).contains("id=\"book-conflict\">The instrument is under maintenance " + local(start, Duration.ofHours(4))
                + " (maintenance window #" + window.id() + ").</p>");
        assertThat(fixtures.count("select count(*) from booking where facility_id = ?", fixtures.facilityId(extId))).isZero();
    }

    @Test
    void aRefusedWeeklyCountIsSaidInTheReadersLanguageBesideTheRepeat() {
        String extId = fixtures.openFacility(owner, false, false);
        Instant start = FacilityFixtures.hoursAhead(42, 9);
        HelixClient client = signedIn(customer);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("start", start.toString());
        form.put("minutes", "60");
        form.put("weeks", "53");
        form.put("purpose", "every week");
        form.put("_csrf", client.csrfToken());

        HelixClient.Response zh = client.postFormWithoutToken("/facilities/" + extId + "/bookings?lang=zh", form);
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.body()).contains("id=\"book-error\">无法预约：每周重复预约为 1 到 52 次。")
                .contains("id=\"f-weeks-error\">每周重复预约为 1 到 52 次</span>")
                .contains("aria-invalid=\"true\" aria-describedby=\"f-weeks-error\"")
                .contains(">every week</textarea>")
                .doesNotContain("a weekly series").doesNotContain("this field is refused");
        HelixClient.Response en = client.postFormWithoutToken("/facilities/" + extId + "/bookings?lang=en", form);
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.body()).contains("id=\"book-error\">The booking cannot be made: a weekly series has 1 to 52 dates.")
                .contains("id=\"f-weeks-error\">a weekly series has 1 to 52 dates</span>");
        assertThat(fixtures.count("select count(*) from booking where facility_id = ?", fixtures.facilityId(extId))).isZero();

        // a refused filter of "my bookings", on the error page, in the reader's language
        HelixClient.Response filter = client.get("/bookings?status=soon&lang=zh");
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.body()).contains("没有“soon”这种预约状态").doesNotContain("unknown booking status");
        assertThat(client.get("/bookings?status=soon&lang=en").body()).contains("there is no booking status “soon”");
    }

    @Test
    void aMaintenanceWindowThatCollidesOnTheManagementPageSaysWhatIsInTheWay() {
        String extId = fixtures.openFacility(owner, true, false);
        fixtures.managers(extId, manager);
        Instant start = FacilityFixtures.hoursAhead(43, 10);
        BookingView booked = fixtures.as(customer, () -> context.getBean(Bookings.class)
                .request(extId, FacilityFixtures.request(start, Duration.ofHours(2), "XRD")));
        HelixClient client = signedIn(manager);
        Map<String, String> form = Map.of("start", start.minus(Duration.ofHours(1)).toString(),
                "end", start.plus(Duration.ofHours(1)).toString(), "reason", "new detector");

        HelixClient.Response zh = client.postForm("/facilities/" + extId + "/maintenance?lang=zh", form);
        assertThat(zh.status()).isEqualTo(409);
        assertThat(zh.body()).contains("id=\"error\">预约 #" + booked.id() + "（待审批）已占用 " + local(start, Duration.ofHours(2)) + "。</p>")
                .contains("id=\"f-start-error\">与已有预约或维护时段冲突。</span>")
                .contains("value=\"new detector\"")
                .doesNotContain("is taken by booking").doesNotContain("Asia/Shanghai");
        HelixClient.Response en = client.postForm("/facilities/" + extId + "/maintenance?lang=en", form);
        assertThat(en.status()).isEqualTo(409);
        assertThat(en.body()).contains("id=\"error\">Booking #" + booked.id() + " (Awaiting approval) already holds "
                + local(start, Duration.ofHours(2)) + ".</p>");
        assertThat(fixtures.count("select count(*) from maintenance_window where facility_id = ?", fixtures.facilityId(extId))).isZero();

        // another maintenance window in the way: its number and time
        Instant later = start.plus(Duration.ofDays(1));
        MaintenanceWindow window = fixtures.as(manager, () -> context.getBean(Maintenance.class).add(extId,
                new MaintenanceRequest(later.toString(), later.plus(Duration.ofHours(3)).toString(), null, false)));
        Map<String, String> overlapping = Map.of("start", later.plus(Duration.ofHours(2)).toString(),
                "end", later.plus(Duration.ofHours(5)).toString());
        HelixClient.Response twice = client.postForm("/facilities/" + extId + "/maintenance?lang=zh", overlapping);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("id=\"error\">该仪器 " + local(later, Duration.ofHours(3)) + " 安排了维护（维护时段 #" + window.id() + "）。</p>");
        assertThat(client.postForm("/facilities/" + extId + "/maintenance?lang=en", overlapping).body())
                .contains("id=\"error\">The instrument is under maintenance " + local(later, Duration.ofHours(3))
                        + " (maintenance window #" + window.id() + ").</p>");
    }
    /**
     * A waitlist offer lost before it was answered: the list says what took the slot (a booking, a
     * maintenance window, with the time) or until when the offer stood, in the reader's language, and
     * the entry waits again; not the general "someone was quicker".
     */
    @Test
    void aWaitlistOfferLostMeanwhileSaysWhatTookTheSlotOrWhenTheOfferRanOut() {
        String extId = fixtures.openFacility(owner, false, false);
        fixtures.managers(extId, manager);
        Instant start = FacilityFixtures.hoursAhead(45, 10);
        Bookings bookings = context.getBean(Bookings.class);
        Waitlist waitlist = context.getBean(Waitlist.class);
        BookingRequest slot = FacilityFixtures.request(start, Duration.ofHours(2), "XRD");
        BookingView holder = fixtures.as(manager, () -> bookings.request(extId, slot));
        WaitlistEntry entry = fixtures.as(customer, () -> waitlist.join(extId, slot));
        HelixClient client = signedIn(customer);

        // freed and offered, then booked by someone else before the customer answers
        fixtures.as(manager, () -> bookings.cancel(holder.id(), null));
        BookingView quicker = fixtures.as(manager, () -> bookings.request(extId, slot));
        HelixClient.Response lost = client.postForm("/bookings/waitlist/" + entry.id() + "/accept", Map.of());
        assertThat(lost.status()).isEqualTo(302);
        assertThat(lost.location()).endsWith("/bookings");
        assertThat(client.get("/bookings?lang=zh").body()).contains("id=\"error\">未能为您预约空出的时段：预约 #" + quicker.id()
                + "（已批准）已占用 " + local(start, Duration.ofHours(2)) + "。您仍在候补队列中，时段再次空出时会通知您。</p>")
                .doesNotContain("该时段已被他人预约");
        assertThat(status(entry)).isEqualTo("waiting");

        // offered again, then a maintenance window takes the time: the window is named, not "someone else booked"
        fixtures.as(manager, () -> bookings.cancel(quicker.id(), null));
        assertThat(status(entry)).isEqualTo("offered");
        MaintenanceWindow window = fixtures.as(manager, () -> context.getBean(Maintenance.class).add(extId,
                new MaintenanceRequest(start.toString(), start.plus(Duration.ofHours(2)).toString(), "vacuum pump", false)));
        client.postForm("/bookings/waitlist/" + entry.id() + "/accept", Map.of());
        assertThat(client.get("/bookings?lang=en").body()).contains("id=\"error\">The freed slot could not be booked for you: "
                + "The instrument is under maintenance " + local(start, Duration.ofHours(2)) + " (maintenance window #" + window.id()
                + "). You keep your place in the line and hear from us when time is freed again.</p>")
                .doesNotContain("Someone else booked");
        assertThat(status(entry)).isEqualTo("waiting");

        // offered once more (the window removed), and not answered in time: until when it stood, nothing booked
        fixtures.as(manager, () -> context.getBean(Maintenance.class).remove(extId, window.id()));
        assertThat(status(entry)).isEqualTo("offered");
        Instant ranOut = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        fixtures.jdbc().sql("update waitlist_entry set offer_expires_at = ? where id = ?")
                .params(java.sql.Timestamp.from(ranOut), entry.id()).update();
        client.postForm("/bookings/waitlist/" + entry.id() + "/accept", Map.of());
        assertThat(client.get("/bookings?lang=zh").body()).contains("id=\"error\">该空出时段须在 " + FacilityTime.dateTime(ranOut)
                + "（北京时间）前答复，现已超时，时段将顺延给下一位候补者。</p>");
        client.postForm("/bookings/waitlist/" + entry.id() + "/accept", Map.of());
        assertThat(client.get("/bookings?lang=en").body()).contains("id=\"error\">The time to answer this offer ran out at "
                + FacilityTime.dateTime(ranOut) + " (Beijing time): the slot passes to the next in line.</p>");
        assertThat(fixtures.count("select count(*) from booking where facility_id = ? and status not in ('cancelled')",
                fixtures.facilityId(extId))).isZero();
    }

    private String status(WaitlistEntry entry) {
        return fixtures.jdbc().sql("select status from waitlist_entry where id = ?").param(entry.id()).query(String.class).single();
    }
}
