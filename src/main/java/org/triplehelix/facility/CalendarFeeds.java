package org.triplehelix.facility;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.NotFoundException;

/**
 * iCalendar feeds (RFC 5545): per instrument (public: when it is taken or under maintenance, not
 * by whom) and per user (their own bookings, at a secret URL a calendar program can poll without
 * signing in). The secret is 256 random bits; only its SHA-256 is stored, so it is shown once
 * and replaced, not recovered.
 */
@Service
public class CalendarFeeds {

    static final String UID_DOMAIN = "facilities.triple-helix";
    private static final Duration PAST = Duration.ofDays(60);
    private static final Duration AHEAD = Duration.ofDays(366);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final FacilityCatalog catalog;
    private final BookingRepository bookings;
    private final MaintenanceRepository maintenance;
    private final DataScope scope;
    private final ApplicationEventPublisher events;
    private final BookingClock clock;

    CalendarFeeds(JdbcClient jdbc, FacilityCatalog catalog, BookingRepository bookings, MaintenanceRepository maintenance,
                  DataScope scope, ApplicationEventPublisher events, BookingClock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.bookings = bookings;
        this.maintenance = maintenance;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
    }

    /** An instrument's taken time and maintenance, 60 days back to a year ahead. */
    public String instrumentFeed(String extId) {
        Instrument instrument = catalog.instrument(extId);
        Instant now = clock.now();
        Instant from = now.minus(PAST);
        Instant to = now.plus(AHEAD);
        String name = instrument.name().both();
        String location = instrument.profile().location() == null ? null : instrument.profile().location().both();
        List<ICalendar.Event> events = new ArrayList<>();
        for (BookingRow row : bookings.forFacility(instrument.id(), from, to)) {
            Booking booking = row.booking();
            if (booking.status() == BookingStatus.NO_SHOW) {
                continue;
            }
            events.add(new ICalendar.Event("booking-" + booking.id() + "@" + UID_DOMAIN, booking.slot(),
                    booking.status() == BookingStatus.PENDING ? "待审批预约 Requested booking" : "已预约 Booked",
                    null, location, booking.status() == BookingStatus.PENDING ? ICalendar.Status.TENTATIVE : ICalendar.Status.CONFIRMED,
                    row.version(), row.updatedAt()));
        }
        for (MaintenanceWindow window : maintenance.between(instrument.id(), extId, from, to)) {
            events.add(new ICalendar.Event("maintenance-" + window.id() + "@" + UID_DOMAIN, window.timeSlot(),
                    "维护 Maintenance", window.reason(), location, ICalendar.Status.CONFIRMED, 0, null));
        }
        return ICalendar.write(name, now, events);
    }

    /** The feed of the user holding this secret; 404 for an unknown one. */
    public String userFeed(String token) {
        long userId = jdbc.sql("select user_id from calendar_feed where token_hash = :hash").param("hash", hash(token))
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("calendar feed", "(secret)"));
        Instant now = clock.now();
        List<ICalendar.Event> events = new ArrayList<>();
        for (BookingRow row : bookings.ofUserBetween(userId, now.minus(PAST), now.plus(AHEAD))) {
            Booking booking = row.booking();
            Instrument instrument = catalog.instrument(booking.facilityId());
            String location = instrument.profile().location() == null ? null : instrument.profile().location().both();
            String description = (booking.purpose() == null ? "" : booking.purpose() + "\n")
                    + "状态 Status: " + booking.status().code() + "\n" + "预约 Booking " + booking.id();
            events.add(new ICalendar.Event("booking-" + booking.id() + "@" + UID_DOMAIN, booking.slot(),
                    row.facilityName().both(), description, location, status(booking.status()), row.version(), row.updatedAt()));
        }
        String owner = jdbc.sql("select name from app_user where id = :id").param("id", userId).query(String.class).single();
        return ICalendar.write("仪器预约 Bookings · " + owner, now, events);
    }

    /** A new secret for the signed-in user's feed (the old one stops working); returned once. */
    @Transactional
    public String newToken() {
        CurrentUser user = scope.requireSignedIn();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        boolean existed = hasToken(user.id());
        jdbc.sql("""
                        insert into calendar_feed (user_id, token_hash) values (:u, :hash)
                        on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = now()
                        """)
                .param("u", user.id()).param("hash", hash(token)).update();
        events.publishEvent(new AuditableChange(existed ? "update" : "create", "calendar_feed", String.valueOf(user.id()),
                null, Map.of("userId", user.id(), "secret", "(replaced)")));
        return token;
    }

    public boolean hasToken() {
        return scope.currentUser().map(user -> hasToken(user.id())).orElse(false);
    }

    private boolean hasToken(long userId) {
        return jdbc.sql("select exists (select 1 from calendar_feed where user_id = :u)").param("u", userId)
                .query(Boolean.class).single();
    }

    private static ICalendar.Status status(BookingStatus status) {
        return switch (status) {
            case PENDING -> ICalendar.Status.TENTATIVE;
            case CANCELLED, REJECTED, NO_SHOW -> ICalendar.Status.CANCELLED;
            default -> ICalendar.Status.CONFIRMED;
        };
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
