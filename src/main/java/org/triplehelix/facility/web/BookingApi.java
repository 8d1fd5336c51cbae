package org.triplehelix.facility.web;

import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.triplehelix.facility.BookingView;
import org.triplehelix.facility.Bookings;
import org.triplehelix.facility.CalendarFeeds;
import org.triplehelix.facility.UsageInput;
import org.triplehelix.facility.Waitlist;
import org.triplehelix.facility.WaitlistEntry;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.Paging;

/**
 * A booking's life through the API: {@code POST /api/v1/bookings/{id}/approve|reject|cancel|start|no-show|complete|confirm-usage}
 * (409 for a transition its state does not allow), the user's own bookings and waitlist offers,
 * and their iCalendar feed at a secret URL.
 */
@RestController
@RequestMapping("/api/v1/bookings")
class BookingApi {

    private final Bookings bookings;
    private final Waitlist waitlist;
    private final CalendarFeeds feeds;

    BookingApi(Bookings bookings, Waitlist waitlist, CalendarFeeds feeds) {
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.feeds = feeds;
    }

    record Reason(String reason) {
    }

    @GetMapping("/mine")
    Page<BookingView> mine(@RequestParam(required = false) String status, @ParameterObject Paging paging) {
        return bookings.mine(status, paging.number(), paging.pageSize());
    }

    /** The bookings of the instruments the caller manages; {@code status=pending} is the approval queue. */
    @GetMapping("/managed")
    Page<BookingView> managed(@RequestParam(required = false) String status, @ParameterObject Paging paging) {
        return bookings.managed(status, paging.number(), paging.pageSize());
    }

    @GetMapping("/{id:\\d+}")
    BookingView booking(@PathVariable long id) {
        return bookings.find(id);
    }

    @PostMapping("/{id:\\d+}/approve")
    BookingView approve(@PathVariable long id) {
        return bookings.approve(id);
    }

    @PostMapping("/{id:\\d+}/reject")
    BookingView reject(@PathVariable long id, @RequestBody(required = false) Reason reason) {
        return bookings.reject(id, reason == null ? null : reason.reason());
    }

    @PostMapping("/{id:\\d+}/cancel")
    BookingView cancel(@PathVariable long id, @RequestBody(required = false) Reason reason) {
        return bookings.cancel(id, reason == null ? null : reason.reason());
    }

    @PostMapping("/{id:\\d+}/start")
    BookingView start(@PathVariable long id) {
        return bookings.start(id);
    }

    @PostMapping("/{id:\\d+}/no-show")
    BookingView noShow(@PathVariable long id) {
        return bookings.markNoShow(id);
    }

    /** {@code {"hours": 2.5, "samples": 12}}; without hours, the time since the start. */
    @PostMapping("/{id:\\d+}/complete")
    BookingView complete(@PathVariable long id, @RequestBody(required = false) UsageInput usage) {
        return bookings.complete(id, usage);
    }

    /** Confirms the recorded usage, or corrects it with {@code {"hours": …, "samples": …}}. */
    @PostMapping("/{id:\\d+}/confirm-usage")
    BookingView confirmUsage(@PathVariable long id, @RequestBody(required = false) UsageInput usage) {
        return bookings.confirmUsage(id, usage);
    }

    // --- waitlist -------------------------------------------------------------------------------

    @GetMapping("/waitlist")
    List<WaitlistEntry> myWaitlist() {
        return waitlist.mine();
    }

    @PostMapping("/waitlist/{id}/accept")
    ResponseEntity<BookingView> accept(@PathVariable long id) {
        BookingView booking = waitlist.accept(id);
        return ResponseEntity.created(java.net.URI.create("/api/v1/bookings/" + booking.id())).body(booking);
    }

    @PostMapping("/waitlist/{id}/decline")
    WaitlistEntry decline(@PathVariable long id) {
        return waitlist.decline(id);
    }

    @PostMapping("/waitlist/{id}/withdraw")
    WaitlistEntry withdraw(@PathVariable long id) {
        return waitlist.withdraw(id);
    }

    // --- calendar feed --------------------------------------------------------------------------

    /** A new secret feed URL for the caller (the previous one stops working); shown once. */
    @PostMapping("/feed")
    Map<String, String> newFeed() {
        String token = feeds.newToken();
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/bookings/feed/{token}.ics")
                .buildAndExpand(token).toUriString();
        return Map.of("token", token, "url", url);
    }

    @GetMapping("/feed/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return ResponseEntity.ok().contentType(FacilityApi.CALENDAR).body(feeds.userFeed(token));
    }
}
