package org.triplehelix.facility.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triplehelix.facility.BookingRequest;
import org.triplehelix.facility.BookingView;
import org.triplehelix.facility.Bookings;
import org.triplehelix.facility.FacilityCatalog;
import org.triplehelix.facility.FacilityTime;
import org.triplehelix.facility.Instrument;
import org.triplehelix.facility.InstrumentSummary;
import org.triplehelix.facility.SeriesReport;
import org.triplehelix.facility.Times;
import org.triplehelix.facility.WeeklyRequest;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.Paging;

/**
 * Instruments and their bookings: {@code GET /api/v1/instruments?q=} finds instruments by a
 * described need; {@code POST /api/v1/instruments/{id}/bookings} books a slot (201, or 409 naming
 * the booking in the way); {@code GET …/bookings?from=&to=} lists the taken slots. {@code id} is
 * the facility's external id.
 */
@RestController
@RequestMapping("/api/v1/instruments")
class InstrumentApi {

    private final FacilityCatalog catalog;
    private final Bookings bookings;

    InstrumentApi(FacilityCatalog catalog, Bookings bookings) {
        this.catalog = catalog;
        this.bookings = bookings;
    }

    @GetMapping
    Page<InstrumentSummary> search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                                   @ParameterObject Paging paging) {
        return catalog.search(q, type, paging.number(), paging.pageSize());
    }

    @GetMapping("/{id}")
    InstrumentJson instrument(@PathVariable String id) {
        Instrument instrument = catalog.instrument(id);
        return InstrumentJson.of(instrument, catalog.canManage(instrument));
    }

    @PostMapping("/{id}/bookings")
    ResponseEntity<BookingView> book(@PathVariable String id, @RequestBody BookingRequest request) {
        BookingView booking = bookings.request(id, request);
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + booking.id())).body(booking);
    }

    /** Weekly recurring: 201 with the report of every occurrence, or 409 with it when nothing was booked. */
    @PostMapping("/{id}/bookings/weekly")
    ResponseEntity<SeriesReport> bookWeekly(@PathVariable String id, @RequestBody WeeklyRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(bookings.requestWeekly(id, request));
    }

    /** Bookings overlapping {@code [from, to)}; by default the seven days from today (Asia/Shanghai). */
    @GetMapping("/{id}/bookings")
    List<BookingView> bookings(@PathVariable String id, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        Instant start = from == null || from.isBlank()
                ? LocalDate.now(FacilityTime.ZONE).atStartOfDay(FacilityTime.ZONE).toInstant() : Times.instant("from", from);
        Instant end = to == null || to.isBlank() ? start.plus(Duration.ofDays(7)) : Times.instant("to", to);
        return bookings.forFacility(id, start, end);
    }
}
