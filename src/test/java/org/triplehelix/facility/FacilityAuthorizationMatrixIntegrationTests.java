package org.triplehelix.facility;

import static org.triplehelix.access.AuthorizationMatrix.Caller.ADMIN;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ANONYMOUS;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ENTERPRISE;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ORG_ADMIN;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ORG_ADMIN_ELSEWHERE;
import static org.triplehelix.access.AuthorizationMatrix.Caller.RESEARCHER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.triplehelix.access.Account;
import org.triplehelix.access.AuthorizationMatrix;
import org.triplehelix.access.Role;

/**
 * The facility module's write endpoints (and its private reads) in the authorization matrix. The
 * instrument belongs to a unit of the home organization, so ORG_ADMIN manages it and
 * ORG_ADMIN_ELSEWHERE does not; RESEARCHER is named its manager. Pending bookings to act on are
 * made per call: by ENTERPRISE (home), or by an enterprise user of the unrelated organization.
 */
class FacilityAuthorizationMatrixIntegrationTests extends AuthorizationMatrix {

    private final AtomicInteger slots = new AtomicInteger();
    private String instrument;
    private FacilityFixtures fixtures;
    private Account outsider;

    private String instrument(World w) {
        if (instrument == null) {
            fixtures = FacilityFixtures.of(context);
            instrument = fixtures.openFacility(w.unitOfHome(), true, false);
            fixtures.managers(instrument, w.account(RESEARCHER));
            outsider = w.fixtures().user(w.elsewhere(), Role.ENTERPRISE);
        }
        return instrument;
    }

    /** A fresh hour for each call, two months ahead. */
    private Instant slot() {
        return FacilityFixtures.hoursAhead(60, 0).plus(Duration.ofHours(slots.incrementAndGet()));
    }

    private String booking(Instant start) {
        return "{\"start\": \"" + start + "\", \"end\": \"" + start.plus(Duration.ofMinutes(30)) + "\", \"purpose\": \"matrix\"}";
    }

    private long pendingBookingOf(World w, Account booker) {
        String extId = instrument(w);
        Bookings bookings = context.getBean(Bookings.class);
        return fixtures.as(booker, () -> bookings.request(extId, FacilityFixtures.request(slot(), Duration.ofMinutes(30), "matrix"))).id();
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                // booking: enterprise users and researchers (and ADMIN)
                Endpoint.api("POST", "/api/v1/instruments/{instrument}/bookings", w -> "/api/v1/instruments/" + instrument(w) + "/bookings",
                                w -> booking(slot()))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).expect(ENTERPRISE, 201).expect(RESEARCHER, 201).otherwise(403),
                Endpoint.api("POST", "/api/v1/instruments/{instrument}/bookings/weekly",
                                w -> "/api/v1/instruments/" + instrument(w) + "/bookings/weekly",
                                w -> booking(slot()).replace("}", ", \"count\": 1}"))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).expect(ENTERPRISE, 201).expect(RESEARCHER, 201).otherwise(403),
                Endpoint.api("POST", "/api/v1/facilities/{instrument}/waitlist", w -> "/api/v1/facilities/" + instrument(w) + "/waitlist",
                                w -> {
                                    pendingBookingOf(w, outsider);   // takes the next slot; the caller waits for it
                                    return booking(FacilityFixtures.hoursAhead(60, 0).plus(Duration.ofHours(slots.get())));
                                })
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).expect(ENTERPRISE, 201).expect(RESEARCHER, 201).otherwise(403),
                // the instrument's profile: its organization's administrators and its managers
                Endpoint.api("PUT", "/api/v1/facilities/{instrument}/profile", w -> "/api/v1/facilities/" + instrument(w) + "/profile",
                                w -> "{\"model\": \"MX-2\"}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(RESEARCHER, 200).otherwise(403),
                Endpoint.api("PUT", "/api/v1/facilities/{instrument}/managers", w -> "/api/v1/facilities/" + instrument(w) + "/managers",
                                w -> "{\"managers\": [\"" + w.email(RESEARCHER) + "\"]}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/facilities/{instrument}/maintenance", w -> "/api/v1/facilities/" + instrument(w) + "/maintenance",
                                w -> booking(slot()))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).expect(ORG_ADMIN, 201).expect(RESEARCHER, 201).otherwise(403),
                Endpoint.api("POST", "/api/v1/facilities/{instrument}/training", w -> "/api/v1/facilities/" + instrument(w) + "/training",
                                w -> "{\"email\": \"" + w.email(Caller.STUDENT) + "\", \"validUntil\": \"2099-12-31\"}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(RESEARCHER, 200).otherwise(403),
                Endpoint.api("GET", "/api/v1/facilities/{instrument}/training", w -> "/api/v1/facilities/" + instrument(w) + "/training")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(RESEARCHER, 200).otherwise(403),
                // a booking's transitions: managers decide; the booker cancels; who cannot see it gets 404
                Endpoint.api("POST", "/api/v1/bookings/{pending, booked elsewhere}/approve",
                                w -> "/api/v1/bookings/" + pendingBookingOf(w, outsider) + "/approve")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(RESEARCHER, 200)
                        .expect(ORG_ADMIN_ELSEWHERE, 403).otherwise(404),
                Endpoint.api("POST", "/api/v1/bookings/{pending, booked elsewhere}/reject",
                                w -> "/api/v1/bookings/" + pendingBookingOf(w, outsider) + "/reject", w -> "{\"reason\": \"matrix\"}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(RESEARCHER, 200)
                        .expect(ORG_ADMIN_ELSEWHERE, 403).otherwise(404),
                Endpoint.api("POST", "/api/v1/bookings/{pending, ENTERPRISE's}/cancel",
                                w -> "/api/v1/bookings/" + pendingBookingOf(w, w.account(ENTERPRISE)) + "/cancel")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(RESEARCHER, 200).expect(ENTERPRISE, 200)
                        .otherwise(404),
                Endpoint.api("GET", "/api/v1/bookings/{pending, ENTERPRISE's}", w -> "/api/v1/bookings/" + pendingBookingOf(w, w.account(ENTERPRISE)))
                        .expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(RESEARCHER, 200).expect(ENTERPRISE, 200).otherwise(404),
                Endpoint.api("GET", "/api/v1/bookings/mine").expect(ANONYMOUS, 401).otherwise(200),
                Endpoint.api("POST", "/api/v1/bookings/feed").expect(ANONYMOUS, 401).otherwise(200),
                // statements: the organization's private data
                Endpoint.api("GET", "/api/v1/facilities/statements?organization={home}&month=2001-01",
                                w -> "/api/v1/facilities/statements?organization=" + w.extId(w.home()) + "&month=2001-01")
                        .expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(ENTERPRISE, 200).otherwise(404),
                // public reads
                Endpoint.api("GET", "/api/v1/instruments/{instrument}/bookings", w -> "/api/v1/instruments/" + instrument(w) + "/bookings")
                        .otherwise(200),
                Endpoint.api("GET", "/api/v1/facilities/indicators?by=region").otherwise(200),
                // pages
                Endpoint.page("GET", "/facilities/{instrument}/manage", w -> "/facilities/" + instrument(w) + "/manage")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(RESEARCHER, 200).otherwise(403),
                Endpoint.page("POST", "/facilities/{instrument}/profile", w -> "/facilities/" + instrument(w) + "/profile",
                                w -> "model=MX-3&feeUnit=hour&internalRate=10&externalRate=20&minMinutes=15&maxMinutes=720&slotMinutes=60"
                                        + "&leadMinutes=0&horizonDays=365&approvalRequired=on&mondayOpens=00:00&mondayCloses=24:00"
                                        + "&tuesdayOpens=00:00&wednesdayOpens=00:00&thursdayOpens=00:00&fridayOpens=00:00"
                                        + "&saturdayOpens=00:00&sundayOpens=00:00")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ORG_ADMIN, 302).expect(RESEARCHER, 302).otherwise(403),
                Endpoint.page("POST", "/facilities/{instrument}/bookings", w -> "/facilities/" + instrument(w) + "/bookings",
                                w -> "start=" + slot() + "&minutes=60&purpose=page")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ENTERPRISE, 302).expect(RESEARCHER, 302).otherwise(403),
                Endpoint.page("POST", "/bookings/{pending, booked elsewhere}/approve",
                                w -> "/bookings/" + pendingBookingOf(w, outsider) + "/approve", w -> "x=1")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ORG_ADMIN, 302).expect(RESEARCHER, 302)
                        .expect(ORG_ADMIN_ELSEWHERE, 403).otherwise(404),
                Endpoint.page("GET", "/bookings").expect(ANONYMOUS, 401).otherwise(200),
                Endpoint.page("GET", "/facilities/{instrument}/calendar", w -> "/facilities/" + instrument(w) + "/calendar").otherwise(200));
    }
}
