package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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

/** The facility pages over HTTP (in English, as the test client asks): the htmx booking form's answers (series report, conflict and waitlist), the management form. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacilityPagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    FacilityFixtures fixtures;
    long owner;
    long customerOrganization;
    Account manager;
    Account customer;

    @BeforeAll
    void world() {
        fixtures = FacilityFixtures.of(context);
        owner = fixtures.access().organization("Pages Institute", null);
        manager = fixtures.access().user(owner, Role.RESEARCHER);
        customerOrganization = fixtures.access().organization("Pages Enterprise", null);
        customer = fixtures.access().user(customerOrganization, Role.ENTERPRISE);
    }

    HelixClient signedIn(Account account) {
        return HelixClient.signedIn(port, account);
    }


    @Test
    void aWeeklySeriesFromTheFormReportsEachDate() {
        String extId = fixtures.openFacility(owner, false, false);
        Instant first = FacilityFixtures.hoursAhead(30, 14);
        fixtures.as(manager, () -> context.getBean(Bookings.class).request(extId,
                FacilityFixtures.request(first.plus(Duration.ofDays(7)), Duration.ofHours(1), null)));
        HelixClient client = signedIn(customer);
        HelixClient.Response response = client.postHtmx("/facilities/" + extId + "/bookings",
                Map.of("start", first.toString(), "minutes", "60", "weeks", "3", "skipConflicts", "true", "purpose", "weekly"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("HX-Trigger")).isEqualTo("calendar-changed");
        assertThat(response.body()).contains("id=\"series-report\"").contains("Booked 2 times; 1 not booked")
                .contains("class=\"series-conflict\"").containsPattern("(?s)series-booked.*series-conflict.*series-booked");
        HelixClient.Response refused = client.postHtmx("/facilities/" + extId + "/bookings",
                Map.of("start", first.minus(Duration.ofDays(7)).toString(), "minutes", "60", "weeks", "2", "purpose", "all or nothing",
                        "skipConflicts", "false"));
        assertThat(refused.body()).contains("1 of the dates cannot be booked, so none was (all or nothing)")
                .contains("class=\"series-free\"").contains("class=\"series-conflict\"");
    }

    @Test
    void aTakenSlotOffersTheWaitlist() {
        String extId = fixtures.openFacility(owner, true, false);
        Instant start = FacilityFixtures.hoursAhead(31, 10);
        fixtures.as(manager, () -> context.getBean(Bookings.class).request(extId, FacilityFixtures.request(start, Duration.ofHours(2), null)));
        HelixClient client = signedIn(customer);
        HelixClient.Response taken = client.postHtmx("/facilities/" + extId + "/bookings",
                Map.of("start", start.plus(Duration.ofHours(1)).toString(), "minutes", "60", "purpose", "x"));
        assertThat(taken.body()).contains("id=\"book-conflict\"").contains("This slot is taken").contains("id=\"join-waitlist\"");
        HelixClient.Response joined = client.postHtmx("/facilities/" + extId + "/waitlist",
                Map.of("start", start.plus(Duration.ofHours(1)).toString(), "minutes", "60", "purpose", "x"));
        assertThat(joined.body()).contains("id=\"waitlisted\"").contains("You are on the waitlist");
        assertThat(client.get("/bookings").body()).contains("id=\"waitlist\"").contains(">Waiting");
        HelixClient.Response tooLong = client.postHtmx("/facilities/" + extId + "/bookings",
                Map.of("start", start.plus(Duration.ofDays(1)).toString(), "minutes", "780"));
        assertThat(tooLong.body()).contains("A booking lasts at most 720 minutes.");
    }

    @Test
    void theManagerEditsTheProfileAndTheCalendarFollows() {
        String extId = fixtures.openFacility(owner, true, false);
        fixtures.managers(extId, manager);
        HelixClient client = signedIn(manager);
        assertThat(client.get("/facilities/" + extId + "/manage").status()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("locationZh", "新楼 302");
        form.put("model", "NX-7");
        form.put("feeUnit", "sample");
        form.put("internalRate", "88.5");
        form.put("externalRate", "177");
        form.put("minMinutes", "60");
        form.put("maxMinutes", "240");
        form.put("slotMinutes", "30");
        form.put("leadMinutes", "120");
        form.put("horizonDays", "60");
        form.put("trainingRequired", "on");
        form.put("mondayOpens", "09:00");
        form.put("mondayCloses", "12:00");
        form.put("_csrf", client.csrfToken());
        HelixClient.Response saved = client.postFormWithoutToken("/facilities/" + extId + "/profile", form);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(client.get(saved.location().replaceFirst("^https?://[^/]+", "")).body()).contains("id=\"notice\"");
        Instrument instrument = context.getBean(FacilityCatalog.class).instrument(extId);
        assertThat(instrument.profile().location().zh()).isEqualTo("新楼 302");
        assertThat(instrument.fees().unit()).isEqualTo(FeeUnit.SAMPLE);
        assertThat(instrument.rules().approvalRequired()).isFalse();
        assertThat(instrument.rules().trainingRequired()).isTrue();
        assertThat(instrument.rules().openingHours().days()).hasSize(1);
        assertThat(fixtures.count("select count(*) from audit_log where entity_kind = 'facility_profile' and entity_id = ?", extId))
                .isEqualTo(2);
        LocalDate monday = LocalDate.now(FacilityTime.ZONE).plusWeeks(2).with(java.time.DayOfWeek.MONDAY);
        String week = HelixClient.browser(port).get("/facilities/" + extId + "/calendar?view=week&date=" + monday).body();
        assertThat(week).contains(">09:00<").contains(">11:30<").doesNotContain(">12:00<").contains("¥177.00 / sample");
    }

    @Test
    void theMonthViewCountsBookingsInEitherLanguage() {
        String extId = fixtures.openFacility(owner, false, false);
        Instant start = FacilityFixtures.hoursAhead(3, 10);
        fixtures.as(manager, () -> context.getBean(Bookings.class).request(extId, FacilityFixtures.request(start, Duration.ofHours(6), null)));
        String path = "/facilities/" + extId + "/calendar/grid?view=month&date=" + LocalDate.ofInstant(start, FacilityTime.ZONE);
        assertThat(HelixClient.browser(port).get(path + "&lang=en").body()).contains("1 booking, 25% taken");
        assertThat(HelixClient.browser(port).get(path + "&lang=zh").body()).contains("1 个预约，占用 25%");
    }

    @Test
    void aRefusedBookingComesBackAsTheFormFilledInWithTheLengthMarked() {
        String extId = fixtures.openFacility(owner, false, false);
        Instant start = FacilityFixtures.hoursAhead(32, 9);
        HelixClient client = signedIn(customer);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("start", start.toString());
        form.put("minutes", "780");
        form.put("weeks", "1");
        form.put("purpose", "XRD of <sodium> cathodes & spinels");
        form.put("_csrf", client.csrfToken());
        HelixClient.Response refused = client.postFormWithoutToken("/facilities/" + extId + "/bookings", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("A booking lasts at most 720 minutes.")
                .contains("id=\"booking-form\"")
                .contains(">XRD of &lt;sodium&gt; cathodes &amp; spinels</textarea>")
                .contains("<select id=\"minutes\" name=\"minutes\" aria-invalid=\"true\" aria-describedby=\"f-minutes-error\">")
                .contains("id=\"f-minutes-error\">A booking lasts at most 720 minutes.</span>")
                .contains("<option value=\"1\" selected>")
                .contains("name=\"skipConflicts\" value=\"true\" id=\"skipConflicts\">");
        assertThat(fixtures.count("select count(*) from booking where facility_id = ?", fixtures.facilityId(extId))).isZero();

        HelixClient.Response htmx = client.postHtmx("/facilities/" + extId + "/bookings", Map.of("start", start.toString(),
                "minutes", "60", "weeks", "1", "purpose", "x".repeat(1001)));
        assertThat(htmx.body()).contains("id=\"f-purpose-error\">the purpose is at most 1000 characters</span>")
                .contains(">" + "x".repeat(1001) + "</textarea>").contains("<option value=\"60\" selected>");
        assertThat(fixtures.count("select count(*) from booking where facility_id = ?", fixtures.facilityId(extId))).isZero();
    }

    /**
     * A repeat or a length that is not a number (lists no browser sends a word from: an edited request) is the booking
     * form again, the field marked with what was sent (escaped) in the reader's language, the rest as chosen, nothing
     * booked: not the error page.
     */
    @Test
    void aRepeatOrLengthThatIsNoNumberComesBackAsTheFormWithTheFieldMarked() {
        String extId = fixtures.openFacility(owner, false, false);
        Instant start = FacilityFixtures.hoursAhead(33, 9);
        HelixClient client = signedIn(customer);
        for (String lang : new String[] {"en", "zh"}) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("start", start.toString());
            form.put("minutes", "120");
            form.put("weeks", "<b>2");
            form.put("purpose", "Raman of <films>");
            form.put("_csrf", client.csrfToken());
            HelixClient.Response refused = client.postFormWithoutToken("/facilities/" + extId + "/bookings?lang=" + lang, form);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"booking-form\"")
                    .contains("<select id=\"weeks\" name=\"weeks\" aria-invalid=\"true\" aria-describedby=\"f-weeks-error\">")
                    .contains(lang.equals("en") ? "id=\"f-weeks-error\">a whole number is expected (you typed “&lt;b&gt;2”)</span>"
                            : "id=\"f-weeks-error\">应填写整数（您填写的是“&lt;b&gt;2”）</span>")
                    .contains("<option value=\"120\" selected>").contains(">Raman of &lt;films&gt;</textarea>")
                    .doesNotContain("<b>2").doesNotContain("class=\"error-page\"");
        }
        HelixClient.Response htmx = client.postHtmx("/facilities/" + extId + "/bookings?lang=en", Map.of("start", start.toString(),
                "minutes", "sixty", "weeks", "1", "purpose", "x"));
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.body()).contains("id=\"f-minutes-error\">a whole number is expected (you typed “sixty”)</span>")
                .contains("The booking cannot be made: a whole number is expected (you typed “sixty”).");
        assertThat(fixtures.count("select count(*) from booking where facility_id = ?", fixtures.facilityId(extId))).isZero();
    }

    @Test
    void aRefusedProfileComesBackAsTypedWithTheFieldMarkedAndNothingSaved() {
        String extId = fixtures.openFacility(owner, true, false);
        fixtures.managers(extId, manager);
        Instrument before = context.getBean(FacilityCatalog.class).instrument(extId);
        HelixClient client = signedIn(manager);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", String.valueOf(before.profile().version()));
        form.put("locationZh", "新楼 <302>");
        form.put("capabilitiesEn", "X-ray diffraction & more");
        form.put("feeUnit", "sample");
        form.put("internalRate", "88.5");
        form.put("externalRate", "177");
        form.put("minMinutes", "60");
        form.put("maxMinutes", "four hours");
        form.put("slotMinutes", "15");
        form.put("leadMinutes", "120");
        form.put("horizonDays", "60");
        form.put("trainingRequired", "on");
        form.put("mondayOpens", "09:00");
        form.put("mondayCloses", "12:00");
        form.put("_csrf", client.csrfToken());
        HelixClient.Response refused = client.postFormWithoutToken("/facilities/" + extId + "/profile", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("value=\"新楼 &lt;302>\"").contains(">X-ray diffraction &amp; more</textarea>")
                .contains("<option value=\"sample\" selected>").contains("<option value=\"15\" selected>")
                .contains("value=\"88.5\"").contains("value=\"09:00\"").contains("value=\"12:00\"")
                .contains("id=\"trainingRequired\" checked>").doesNotContain("id=\"approvalRequired\" checked")
                .contains("value=\"four hours\" aria-invalid=\"true\"")
                .contains("id=\"f-maxMinutes-error\">a whole number is expected (you typed “four hours”)</span>")
                .contains("<a href=\"#maxMinutes\">Longest booking</a>");
        Instrument after = context.getBean(FacilityCatalog.class).instrument(extId);
        assertThat(after.profile().version()).isEqualTo(before.profile().version());
        assertThat(after.profile().location()).isEqualTo(before.profile().location());
        assertThat(after.fees().unit()).isEqualTo(before.fees().unit());

        form.put("maxMinutes", "240");
        form.put("mondayCloses", "08:00");
        refused = client.postFormWithoutToken("/facilities/" + extId + "/profile", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"f-openingHours-error\">write the times as HH:MM")
                .contains("value=\"08:00\" aria-invalid=\"true\"").contains("value=\"240\"");

        form.put("mondayCloses", "12:00");
        form.put("version", String.valueOf(before.profile().version() + 5));
        HelixClient.Response stale = client.postFormWithoutToken("/facilities/" + extId + "/profile", form);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone changed this profile since you opened the page").contains("value=\"新楼 &lt;302>\"");
        assertThat(context.getBean(FacilityCatalog.class).instrument(extId).profile().version()).isEqualTo(before.profile().version());
    }

    @Test
    void aProfileWithSeveralBadFieldsComesBackWithAllOfThemMarkedInEitherLanguage() {
        String extId = fixtures.openFacility(owner, true, false);
        fixtures.managers(extId, manager);
        Instrument before = context.getBean(FacilityCatalog.class).instrument(extId);
        HelixClient client = signedIn(manager);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", String.valueOf(before.profile().version()));
        form.put("model", "NX-7");
        form.put("maker", "m".repeat(201));
        form.put("feeUnit", "hour");
        form.put("internalRate", "-5");
        form.put("externalRate", "177");
        form.put("minMinutes", "60");
        form.put("maxMinutes", "240");
        form.put("slotMinutes", "30");
        form.put("leadMinutes", "0");
        form.put("horizonDays", "900");
        form.put("mondayOpens", "09:00");
        form.put("mondayCloses", "12:00");
        form.put("_csrf", client.csrfToken());

        HelixClient.Response zh = client.postFormWithoutToken("/facilities/" + extId + "/profile?lang=zh", form);
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.body()).contains("表单有 3 处需要修改：")
                .contains("<a href=\"#maker\">生产厂商</a>").contains("<a href=\"#internalRate\">内部收费标准</a>")
                .contains("<a href=\"#horizonDays\">可预约天数</a>")
                .contains("id=\"f-maker-error\">最多 200 个字符</span>")
                .contains("id=\"f-internalRate-error\">价格为不小于 0 的金额（元），最多精确到分</span>")
                .contains("id=\"f-horizonDays-error\">可预约天数为 1 到 730 天</span>")
                .contains("value=\"" + "m".repeat(201) + "\" aria-invalid=\"true\"").contains("value=\"-5\" aria-invalid=\"true\"")
                .contains("value=\"900\" aria-invalid=\"true\"").contains("value=\"NX-7\"").contains("value=\"177\"")
                .doesNotContain("f-model-error").doesNotContain("f-maxMinutes-error");
        assertThat(zh.body().indexOf("href=\"#maker\"")).isLessThan(zh.body().indexOf("href=\"#internalRate\""));
        assertThat(zh.body().indexOf("href=\"#internalRate\"")).isLessThan(zh.body().indexOf("href=\"#horizonDays\""));
        assertUnchanged(extId, before);

        form.put("maxMinutes", "four hours");
        form.put("mondayCloses", "08:00");
        HelixClient.Response en = client.postFormWithoutToken("/facilities/" + extId + "/profile?lang=en", form);
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.body()).contains("There are 5 problems to fix in the form:")
                .contains("<a href=\"#maker\">Maker</a>").contains("<a href=\"#internalRate\">Internal rate</a>")
                .contains("<a href=\"#maxMinutes\">Longest booking</a>").contains("<a href=\"#horizonDays\">Horizon</a>")
                .contains("<a href=\"#openingHours\">Opening hours</a>")
                .contains("id=\"f-maker-error\">at most 200 characters</span>")
                .contains("id=\"f-internalRate-error\">a rate is a number of yuan, 0 or more, to the fen at most</span>")
                .contains("id=\"f-maxMinutes-error\">a whole number is expected (you typed “four hours”)</span>")
                .contains("id=\"f-horizonDays-error\">the horizon is 1 to 730 days</span>")
                .contains("id=\"f-openingHours-error\">write the times as HH:MM")
                .contains("value=\"four hours\" aria-invalid=\"true\"").contains("value=\"08:00\" aria-invalid=\"true\"");
        assertUnchanged(extId, before);

        form.put("maker", "Bruker");
        form.put("internalRate", "88.5");
        form.put("maxMinutes", "240");
        form.put("horizonDays", "60");
        form.put("mondayCloses", "12:00");
        HelixClient.Response saved = client.postFormWithoutToken("/facilities/" + extId + "/profile?lang=zh", form);
        assertThat(saved.status()).isEqualTo(302);
        Instrument after = context.getBean(FacilityCatalog.class).instrument(extId);
        assertThat(after.profile().maker()).isEqualTo("Bruker");
        assertThat(after.fees().internalRate()).isEqualByComparingTo("88.5");
        assertThat(after.rules().horizonDays()).isEqualTo(60);
        assertThat(fixtures.count("select count(*) from audit_log where entity_kind = 'facility_profile' and entity_id = ?", extId))
                .isEqualTo(2);
    }

    /** A lead time longer than the horizon is marked on the lead time, saying the horizon, in either language; nothing saved. */
    @Test
    void aLeadTimeLongerThanTheHorizonIsMarkedOnTheLeadTimeInEitherLanguage() {
        String extId = fixtures.openFacility(owner, true, false);
        fixtures.managers(extId, manager);
        Instrument before = context.getBean(FacilityCatalog.class).instrument(extId);
        HelixClient client = signedIn(manager);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", String.valueOf(before.profile().version()));
        form.put("feeUnit", "hour");
        form.put("internalRate", "100");
        form.put("externalRate", "300");
        form.put("minMinutes", "60");
        form.put("maxMinutes", "240");
        form.put("slotMinutes", "60");
        form.put("leadMinutes", "20160");
        form.put("horizonDays", "7");
        form.put("mondayOpens", "09:00");
        form.put("mondayCloses", "12:00");
        form.put("_csrf", client.csrfToken());

        HelixClient.Response zh = client.postFormWithoutToken("/facilities/" + extId + "/profile?lang=zh", form);
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.body()).contains("<a href=\"#leadMinutes\">提前预约时间</a>")
                .contains("id=\"f-leadMinutes-error\">提前预约时间须短于可预约天数（7 天）</span>")
                .contains("value=\"20160\" aria-invalid=\"true\"").contains("value=\"7\"")
                .doesNotContain("f-horizonDays-error");
        assertUnchanged(extId, before);
        HelixClient.Response en = client.postFormWithoutToken("/facilities/" + extId + "/profile?lang=en", form);
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.body()).contains("<a href=\"#leadMinutes\">Lead time</a>")
                .contains("id=\"f-leadMinutes-error\">the lead time must be shorter than the horizon (7 days)</span>");
        assertUnchanged(extId, before);
        assertThat(context.getBean(FacilityCatalog.class).instrument(extId).rules().leadMinutes()).isEqualTo(before.rules().leadMinutes());

        form.put("horizonDays", "15");
        assertThat(client.postFormWithoutToken("/facilities/" + extId + "/profile?lang=zh", form).status()).isEqualTo(302);
        BookingRules saved = context.getBean(FacilityCatalog.class).instrument(extId).rules();
        assertThat(saved.leadMinutes()).isEqualTo(20160);
        assertThat(saved.horizonDays()).isEqualTo(15);
    }

    void assertUnchanged(String extId, Instrument before) {
        Instrument now = context.getBean(FacilityCatalog.class).instrument(extId);
        assertThat(now.profile().version()).isEqualTo(before.profile().version());
        assertThat(now.profile().maker()).isEqualTo(before.profile().maker());
        assertThat(now.profile().model()).isEqualTo(before.profile().model());
        assertThat(now.fees()).isEqualTo(before.fees());
        assertThat(now.rules()).isEqualTo(before.rules());
        assertThat(fixtures.count("select count(*) from audit_log where entity_kind = 'facility_profile' and entity_id = ?", extId))
                .isEqualTo(1);
    }

    @Test
    void aRefusedTrainingGrantKeepsTheEmailAndTheDate() {
        String extId = fixtures.openFacility(owner, false, true);
        fixtures.managers(extId, manager);
        HelixClient client = signedIn(manager);
        HelixClient.Response refused = client.postForm("/facilities/" + extId + "/training",
                Map.of("email", "nobody-here@example.org", "validUntil", "2099-01-31"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("value=\"nobody-here@example.org\" aria-invalid=\"true\"")
                .contains("id=\"f-email-error\">no account has the email nobody-here@example.org</span>")
                .contains("value=\"2099-01-31\"");
        assertThat(fixtures.count("select count(*) from facility_training where facility_id = ?", fixtures.facilityId(extId))).isZero();
    }

    /** An expiry before the day the training is recorded is marked on its input in the reader's language; nothing is recorded. */
    @Test
    void aTrainingThatWouldHaveExpiredAlreadyIsMarkedOnItsDate() {
        String extId = fixtures.openFacility(owner, false, true);
        fixtures.managers(extId, manager);
        String yesterday = java.time.LocalDate.now(FacilityTime.ZONE).minusDays(1).toString();
        HelixClient.Response refused = signedIn(manager).postForm("/facilities/" + extId + "/training?lang=zh",
                Map.of("email", manager.email(), "validUntil", yesterday));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("value=\"" + yesterday + "\" aria-invalid=\"true\"")
                .contains("id=\"f-validUntil-error\">培训有效期不能早于今天（" + java.time.LocalDate.now(FacilityTime.ZONE) + "），即记录培训的日期</span>")
                .contains("max=\"2100-12-31\"");
        assertThat(fixtures.count("select count(*) from facility_training where facility_id = ?", fixtures.facilityId(extId))).isZero();
    }

    @Test
    void aRefusedBookingActionComesBackAsTypedWithTheFieldMarkedAndNothingWritten() {
        String extId = fixtures.openFacility(owner, true, false);
        fixtures.managers(extId, manager);
        Bookings service = context.getBean(Bookings.class);
        Instant soon = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        BookingView pending = fixtures.as(customer, () -> service.request(extId, FacilityFixtures.request(soon, Duration.ofHours(2), "XRD")));
        HelixClient client = signedIn(manager);

        String reason = "<slot> & " + "x".repeat(1000);
        HelixClient.Response refused = client.postForm("/bookings/" + pending.id() + "/reject?lang=zh", Map.of("reason", reason, "confirm", "yes"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"form-reject\"")
                .contains("value=\"&lt;slot> &amp; " + "x".repeat(1000) + "\"")
                .contains("aria-invalid=\"true\" aria-describedby=\"f-reason-error\"")
                .contains("id=\"f-reason-error\">最多 1000 个字符</span>")
                .contains("<a href=\"#reject-reason\">原因</a>");
        assertThat(fixtures.as(manager, () -> service.find(pending.id())).status()).isEqualTo(BookingStatus.PENDING);

        fixtures.as(manager, () -> service.approve(pending.id()));
        fixtures.as(manager, () -> service.start(pending.id()));
        HelixClient.Response comma = client.postForm("/bookings/" + pending.id() + "/complete?lang=en", Map.of("hours", "2,5", "samples", "3"));
        assertThat(comma.status()).isEqualTo(400);
        assertThat(comma.body()).contains("id=\"complete-hours\" name=\"hours\" type=\"text\" inputmode=\"decimal\"")
                .contains("value=\"2,5\"").contains("value=\"3\"")
                .contains("id=\"f-hours-error\">a number is expected, such as 25.5 (you typed “2,5”)</span>")
                .contains("<a href=\"#complete-hours\">Hours used</a>");
        HelixClient.Response tooMany = client.postForm("/bookings/" + pending.id() + "/complete?lang=en", Map.of("hours", "800", "samples", "three"));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("value=\"800\"").contains("value=\"three\"")
                .contains("id=\"f-samples-error\">a whole number is expected (you typed “three”)</span>");
        HelixClient.Response tooLong = client.postForm("/bookings/" + pending.id() + "/complete?lang=en", Map.of("hours", "800"));
        assertThat(tooLong.body()).contains("id=\"f-hours-error\">the hours used are more than 0 and at most 744</span>");
        BookingView after = fixtures.as(manager, () -> service.find(pending.id()));
        assertThat(after.status()).isEqualTo(BookingStatus.IN_USE);
        assertThat(after.hours()).isNull();

        HelixClient.Response stale = client.postForm("/bookings/" + pending.id() + "/approve?lang=zh", Map.of());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("id=\"error\">该预约当前为“使用中”，不能批准。</p>").doesNotContain("cannot be approved");
        assertThat(client.postForm("/bookings/" + pending.id() + "/complete?lang=en", Map.of("hours", "1.5")).status()).isEqualTo(302);
    }

    /**
     * Cancelling, rejecting and marking a no-show cannot be undone: the booking page asks for a ticked box
     * first, and a form sent without it comes back with the box marked, the reason as typed, nothing changed.
     */
    @Test
    void actionsThatCannotBeUndoneAreConfirmedFirst() {
        String extId = fixtures.openFacility(owner, true, false);
        fixtures.managers(extId, manager);
        Bookings service = context.getBean(Bookings.class);
        BookingView pending = fixtures.as(customer, () -> service.request(extId,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(46, 10), Duration.ofHours(1), "XRD")));
        HelixClient booker = signedIn(customer);

        String page = booker.get("/bookings/" + pending.id() + "?lang=zh").body();
        assertThat(page).contains("id=\"cancel-confirm\" name=\"confirm\" value=\"yes\" required")
                .contains("确认取消该预约：时段将释放给他人");
        HelixClient.Response unconfirmed = booker.postForm("/bookings/" + pending.id() + "/cancel?lang=zh", Map.of("reason", "计划有变"));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("id=\"f-confirm-error\">请勾选以确认</span>")
                .contains("aria-invalid=\"true\" aria-describedby=\"f-confirm-error\"")
                .contains("<a href=\"#cancel-confirm\">确认</a>")
                .contains("value=\"计划有变\"");
        assertThat(fixtures.as(customer, () -> service.find(pending.id())).status()).isEqualTo(BookingStatus.PENDING);

        HelixClient managing = signedIn(manager);
        assertThat(managing.postForm("/bookings/" + pending.id() + "/reject?lang=en", Map.of("reason", "calibration")).body())
                .contains("id=\"f-confirm-error\">tick the box to confirm</span>");
        assertThat(fixtures.as(customer, () -> service.find(pending.id())).status()).isEqualTo(BookingStatus.PENDING);

        HelixClient.Response confirmed = booker.postForm("/bookings/" + pending.id() + "/cancel",
                Map.of("reason", "计划有变", "confirm", "yes"));
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(fixtures.as(customer, () -> service.find(pending.id())).status()).isEqualTo(BookingStatus.CANCELLED);
    }

    /**
     * Statements are an organization's private figures: the instruments page links them only for who may
     * see them, and a researcher who opens the page anyway gets its empty form, not a "page not found"
     * about their own organization.
     */
    @Test
    void statementsAreOfferedToWhoMaySeeThem() {
        HelixClient researcher = signedIn(manager);
        assertThat(researcher.get("/instruments").body()).contains("id=\"my-bookings\"").doesNotContain("id=\"statements-link\"");
        HelixClient.Response page = researcher.get("/facilities/statements");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"organization\" name=\"organizationName\" type=\"text\" value=\"\"")
                .contains("id=\"organization-id\" name=\"organization\" value=\"\"").doesNotContain("id=\"statement-title\"");

        HelixClient enterprise = signedIn(customer);
        assertThat(enterprise.get("/instruments").body()).contains("id=\"statements-link\"");
        assertThat(enterprise.get("/facilities/statements").body()).contains("id=\"statement-title\"");
    }

    /** The management page's waitlist says who waits for each slot and what for, as the bookings to handle say who booked. */
    @Test
    void theManagersSeeWhoIsInLine() {
        String extId = fixtures.openFacility(owner, false, false);
        fixtures.managers(extId, manager);
        BookingRequest slot = FacilityFixtures.request(FacilityFixtures.hoursAhead(47, 10), Duration.ofHours(2), "<b>XRD</b> & more");
        fixtures.as(manager, () -> context.getBean(Bookings.class).request(extId, slot));
        fixtures.as(customer, () -> context.getBean(Waitlist.class).join(extId, slot));

        String page = signedIn(manager).get("/facilities/" + extId + "/manage?lang=en").body();
        assertThat(page).containsPattern("id=\"manage-waitlist\">\\s*<li>[^<]*<span class=\"waiting-user\">"
                        + java.util.regex.Pattern.quote(customer.name()) + "</span>")
                .contains("Waiting · &lt;b&gt;XRD&lt;/b&gt; &amp; more</li>");
    }

    /**
     * The statement's organization is picked by name (the registry's suggestions, the id carried hidden), as the
     * registry's forms pick one; a name typed and not picked is found when it names one organization (any case), and
     * one that names none the user may see comes back marked, as typed, in the page's language. The heading is the
     * bundles' in either language.
     */
    @Test
    void theStatementsOrganizationIsPickedByName() {
        String ext = fixtures.access().organizationExtId(customerOrganization);
        String name = nameOf(customerOrganization);
        HelixClient enterprise = signedIn(customer);

        String own = enterprise.get("/facilities/statements?lang=en&month=2001-03").body();
        assertThat(own).contains("id=\"organization\" name=\"organizationName\" type=\"text\" value=\"" + name + "\"")
                .contains("data-id-field=\"organization-id\"").contains("hx-get=\"/registry/suggest/organizations?for=organizationName\"")
                .contains("<input type=\"hidden\" id=\"organization-id\" name=\"organization\" value=\"" + ext + "\">")
                .contains("<script src=\"/js/registry-edit.js\" defer></script>")
                .contains(">Statement 2001-03 · " + name + "</h2>").contains("organization=" + ext + "&amp;month=2001-03");

        HelixClient.Response typed = enterprise.get("/facilities/statements?lang=zh&month=2001-03&organization=&organizationName="
                + java.net.URLEncoder.encode(" " + name.toUpperCase(java.util.Locale.ROOT) + " ", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(typed.status()).isEqualTo(200);
        // the organization's name is English only: marked as such on the Chinese page (WCAG 3.1.2)
        assertThat(typed.body()).contains(">2001年3月 · <span lang=\"en\">" + name + "</span></h2>").contains("name=\"organization\" value=\"" + ext + "\"");

        String other = nameOf(owner); // exists, but its statement is not the enterprise's to see: said as of a name that is none
        for (String refused : java.util.List.of(other, "Nowhere <b>Ltd</b>")) {
            HelixClient.Response none = enterprise.get("/facilities/statements?lang=en&month=2001-03&organization=&organizationName="
                    + java.net.URLEncoder.encode(refused, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(none.status()).isEqualTo(400);
            String shown = refused.replace("<", "&lt;").replace(">", "&gt;");
            assertThat(none.body()).contains("<span class=\"field-error\" id=\"f-organization-error\">no organization whose statement you may see is named “"
                            + shown + "”: pick one from the suggestions</span>")
                    .contains("name=\"organizationName\" type=\"text\" value=\"" + refused.replace("<", "&lt;") + "\"")
                    .contains("aria-invalid=\"true\"")
                    .contains("<a href=\"#f-organization\">Organization</a>").doesNotContain("id=\"statement-title\"");
        }
        assertThat(enterprise.get("/facilities/statements?lang=zh&month=2001-03&organizationName=Nowhere").body())
                .contains("没有名为“Nowhere”且您可查看其结算单的单位：请从提示中选择");
        // an id no organization has (an old link) is marked the same way, not a "page not found"
        HelixClient.Response stale = enterprise.get("/facilities/statements?lang=en&month=2001-03&organization=no-such-org");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.body()).contains("is named “no-such-org”");
    }

    /**
     * "Bookings to handle" is linked only for who handles some instrument's bookings (its managers, its organization's
     * administrators, ADMIN), and lists the bookings of every instrument they may handle; anyone else who opens it
     * gets a page that says whose the page is, not an error.
     */
    @Test
    void bookingsToHandleAreLinkedForWhoHandlesThem() {
        String extId = fixtures.openFacility(owner, true, false);
        Account instrumentManager = fixtures.access().user(owner, Role.RESEARCHER);
        fixtures.managers(extId, instrumentManager);
        Account orgAdmin = fixtures.access().user(owner, Role.ORG_ADMIN);
        Account admin = fixtures.access().user(null, Role.ADMIN);
        Account student = fixtures.access().user(owner, Role.STUDENT);
        BookingView pending = fixtures.as(customer, () -> context.getBean(Bookings.class).request(extId,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(51, 10), Duration.ofHours(1), "to handle")));

        for (Account handler : java.util.List.of(instrumentManager, orgAdmin, admin)) {
            HelixClient client = signedIn(handler);
            assertThat(client.get("/instruments").body()).as(handler.email()).contains("id=\"managed-link\"");
            assertThat(client.get("/bookings/manage").body()).as(handler.email()).contains("id=\"booking-list\"")
                    .doesNotContain("id=\"handles-none\"");
            assertThat(handled(client)).as(handler.email()).contains(pending.id()); // the page's list, paged through (other tests' bookings too)
        }
        for (Account other : java.util.List.of(student, customer)) {
            HelixClient client = signedIn(other);
            assertThat(client.get("/instruments").body()).as(other.email()).contains("id=\"my-bookings\"").doesNotContain("id=\"managed-link\"");
            HelixClient.Response page = client.get("/bookings/manage?lang=zh");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"handles-none\"").contains("您没有需要处理预约的仪器")
                    .doesNotContain("href=\"/bookings/" + pending.id() + "\"");
        }
    }

    /**
     * The facility lists show their last page for a page past the end (an old link, a typed number) and their first
     * for a page number that is none (0, negative, a word), instead of an empty table or an error.
     */
    @Test
    void facilityListsPastTheEndShowTheLastPage() {
        String extId = fixtures.openFacility(owner, false, false);
        Account handler = fixtures.access().user(owner, Role.RESEARCHER);
        fixtures.managers(extId, handler);
        Account booker = fixtures.access().user(fixtures.access().organization("Paging Enterprise", null), Role.ENTERPRISE);
        BookingView booked = fixtures.as(booker, () -> context.getBean(Bookings.class).request(extId,
                FacilityFixtures.request(FacilityFixtures.hoursAhead(52, 10), Duration.ofHours(1), "paging")));
        HelixClient mine = signedIn(booker);
        HelixClient handles = signedIn(handler);
        for (String number : java.util.List.of("1", "99", "99999999999", "0", "-1", "abc")) {
            HelixClient.Response instruments = HelixClient.browser(port).get("/instruments?lang=en&page=" + number);
            assertThat(instruments.status()).as("page " + number).isEqualTo(200);
            assertThat(instruments.body()).as("page " + number).contains("id=\"instruments\"");
            assertThat(mine.get("/bookings?page=" + number).body()).as("page " + number).contains("href=\"/bookings/" + booked.id() + "\"");
            assertThat(handles.get("/bookings/manage?status=all&page=" + number).body()).as("page " + number)
                    .contains("href=\"/bookings/" + booked.id() + "\"");
        }
        assertThat(mine.get("/api/v1/bookings/mine?page=99").body()).contains("\"items\":[]");
    }

    /** The ids of the pending bookings the client's user may handle, every page of them. */
    private static java.util.Set<Long> handled(HelixClient client) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (int page = 0; ; page++) {
            tools.jackson.databind.JsonNode items = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(client.get("/api/v1/bookings/managed?status=pending&size=100&page=" + page).body()).get("items");
            if (items.isEmpty()) {
                return ids;
            }
            items.forEach(item -> ids.add(item.get("id").asLong()));
        }
    }

    private String nameOf(long organization) {
        return fixtures.jdbc().sql("select name_en from organization where id = :id").param("id", organization).query(String.class).single();
    }
}
