package org.triplehelix.facility.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.triplehelix.facility.BookingRequest;
import org.triplehelix.facility.CalendarFeeds;
import org.triplehelix.facility.FacilityCatalog;
import org.triplehelix.facility.FacilityTime;
import org.triplehelix.facility.IndicatorRow;
import org.triplehelix.facility.Instrument;
import org.triplehelix.facility.Maintenance;
import org.triplehelix.facility.MaintenanceRequest;
import org.triplehelix.facility.MaintenanceWindow;
import org.triplehelix.facility.ProfileChange;
import org.triplehelix.facility.SharingIndicators;
import org.triplehelix.facility.Statement;
import org.triplehelix.facility.StatementFiles;
import org.triplehelix.facility.Statements;
import org.triplehelix.facility.Times;
import org.triplehelix.facility.Trainings;
import org.triplehelix.facility.Waitlist;
import org.triplehelix.facility.WaitlistEntry;
import org.triplehelix.shared.InvalidInputException;

/**
 * The facility side of the API: profiles and managers, maintenance windows, training records,
 * the waitlist, the instrument's iCalendar feed, the sharing indicators and monthly statements.
 * {@code id} is the facility's external id. (The registry answers {@code GET /api/v1/facilities/{id}}
 * itself; this module's view of an instrument is {@code GET /api/v1/instruments/{id}}.)
 */
@RestController
@RequestMapping("/api/v1/facilities")
class FacilityApi {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final FacilityCatalog catalog;
    private final Maintenance maintenance;
    private final Trainings trainings;
    private final Waitlist waitlist;
    private final CalendarFeeds feeds;
    private final SharingIndicators indicators;
    private final Statements statements;

    FacilityApi(FacilityCatalog catalog, Maintenance maintenance, Trainings trainings, Waitlist waitlist, CalendarFeeds feeds,
                SharingIndicators indicators, Statements statements) {
        this.catalog = catalog;
        this.maintenance = maintenance;
        this.trainings = trainings;
        this.waitlist = waitlist;
        this.feeds = feeds;
        this.indicators = indicators;
        this.statements = statements;
    }

    // --- profile and managers -----------------------------------------------------------------

    /**
     * Changes the profile; fields left out keep their values, and so do the days that
     * {@code openingHours} leaves out ({@code "sunday": null} closes a day). The owning organization's
     * administrators and the managers.
     */
    @PutMapping("/{id}/profile")
    InstrumentJson profile(@PathVariable String id, @RequestBody ProfileChange change) {
        Instrument instrument = catalog.updateProfile(id, change);
        return InstrumentJson.of(instrument, true);
    }

    record Managers(List<String> managers) {
    }

    /**
     * Replaces the managers by the accounts of these emails: the owning organization's administrators.
     * {@code managers} is required ({@code []} for none): a body without it, or with a misspelt name,
     * must not remove every manager.
     */
    @PutMapping("/{id}/managers")
    InstrumentJson managers(@PathVariable String id, @RequestBody Managers managers) {
        if (managers.managers() == null) {
            throw new InvalidInputException("managers", "managers is required: the e-mails of the managers, [] for none");
        }
        Instrument instrument = catalog.setManagers(id, managers.managers());
        return InstrumentJson.of(instrument, true);
    }

    // --- maintenance ----------------------------------------------------------------------------

    @GetMapping("/{id}/maintenance")
    List<MaintenanceWindow> maintenance(@PathVariable String id, @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to) {
        Instant start = from == null ? Instant.now().minus(Duration.ofDays(1)) : Times.instant("from", from);
        Instant end = to == null ? start.plus(Duration.ofDays(366)) : Times.instant("to", to);
        return maintenance.between(id, start, end);
    }

    @PostMapping("/{id}/maintenance")
    ResponseEntity<MaintenanceWindow> addMaintenance(@PathVariable String id, @RequestBody MaintenanceRequest request) {
        MaintenanceWindow window = maintenance.add(id, request);
        return ResponseEntity.created(UriComponentsBuilder.fromPath("/api/v1/facilities/{id}/maintenance/{window}").encode().buildAndExpand(id, window.id()).toUri()).body(window);
    }

    @DeleteMapping("/{id}/maintenance/{windowId}")
    ResponseEntity<Void> removeMaintenance(@PathVariable String id, @PathVariable long windowId) {
        maintenance.remove(id, windowId);
        return ResponseEntity.noContent().build();
    }

    // --- training -------------------------------------------------------------------------------

    record Grant(String email, String validUntil) {
    }

    @GetMapping("/{id}/training")
    List<Trainings.Training> training(@PathVariable String id) {
        return trainings.list(id);
    }

    @PostMapping("/{id}/training")
    Trainings.Training grant(@PathVariable String id, @RequestBody Grant grant) {
        return trainings.grant(id, grant.email(), Times.date("validUntil", grant.validUntil()));
    }

    @DeleteMapping("/{id}/training/{userId}")
    ResponseEntity<Void> revoke(@PathVariable String id, @PathVariable long userId) {
        trainings.revoke(id, userId);
        return ResponseEntity.noContent().build();
    }

    // --- waitlist -------------------------------------------------------------------------------

    /** The open entries in line order: the instrument's managers. */
    @GetMapping("/{id}/waitlist")
    List<WaitlistEntry> waitlist(@PathVariable String id) {
        return waitlist.forFacility(id);
    }

    /** Joins the waitlist for a taken slot. */
    @PostMapping("/{id}/waitlist")
    ResponseEntity<WaitlistEntry> join(@PathVariable String id, @RequestBody BookingRequest request) {
        WaitlistEntry entry = waitlist.join(id, request);
        return ResponseEntity.created(URI.create("/api/v1/bookings/waitlist/" + entry.id())).body(entry);
    }

    // --- feeds, indicators, statements ------------------------------------------------------------

    @GetMapping(value = "/{id}/calendar.ics")
    ResponseEntity<String> calendar(@PathVariable String id) {
        return ResponseEntity.ok().contentType(CALENDAR).body(feeds.instrumentFeed(id));
    }

    /** {@code by=instrument|organization|region}, {@code year} (default this year), {@code month} (1–12, or the whole year). */
    @GetMapping("/indicators")
    List<IndicatorRow> indicators(@RequestParam(defaultValue = "instrument") String by, @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) Integer month) {
        int theYear = year == null ? LocalDate.now(FacilityTime.ZONE).getYear() : year;
        return indicators.compute(SharingIndicators.Grouping.of(by), theYear, month);
    }

    /**
     * An organization's statement for a month ({@code 2025-03}): JSON, or {@code format=csv|xlsx}
     * as a download; {@code side=customer} (default: what it used) or {@code provider} (what others used of its instruments).
     */
    @GetMapping("/statements")
    ResponseEntity<?> statement(@RequestParam String organization, @RequestParam String month,
                                @RequestParam(required = false) String side, @RequestParam(defaultValue = "json") String format,
                                jakarta.servlet.http.HttpServletRequest request) {
        Statement statement = statements.statement(organization, Times.month("month", month), side);
        Locale locale = RequestContextUtils.getLocale(request);
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> ResponseEntity.ok(statement);
            case "csv" -> download(StatementFiles.csv(statement, locale), CSV, StatementFiles.fileName(statement, "csv"));
            case "xlsx" -> download(StatementFiles.xlsx(statement, locale), XLSX, StatementFiles.fileName(statement, "xlsx"));
            default -> throw new InvalidInputException("format", "format is json, csv or xlsx", "facility.error.format", format);
        };
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }
}
