package org.triplehelix.facility.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.facility.BookingConflictException;
import org.triplehelix.facility.BookingRequest;
import org.triplehelix.facility.BookingView;
import org.triplehelix.facility.Bookings;
import org.triplehelix.facility.FacilityCatalog;
import org.triplehelix.facility.FacilityTime;
import org.triplehelix.facility.Instrument;
import org.triplehelix.facility.InstrumentSummary;
import org.triplehelix.facility.Maintenance;
import org.triplehelix.facility.RuleViolationException;
import org.triplehelix.facility.SeriesRefusedException;
import org.triplehelix.facility.SeriesReport;
import org.triplehelix.facility.Statements;
import org.triplehelix.facility.TrainingRequiredException;
import org.triplehelix.facility.Waitlist;
import org.triplehelix.facility.WaitlistEntry;
import org.triplehelix.facility.WeeklyRequest;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.FormErrors;

/**
 * Finding an instrument and booking it from its calendar: the list ({@code /instruments?q=}), the
 * instrument's calendar (day, week, month; htmx swaps the grid), the booking form for a free slot
 * and its answer (htmx fragments; plain form posts work too).
 */
@Controller
class InstrumentPages {

    static final int PAGE_SIZE = 20;

    private final FacilityCatalog catalog;
    private final Bookings bookings;
    private final Maintenance maintenance;
    private final Waitlist waitlist;
    private final DataScope scope;
    private final Statements statements;

    InstrumentPages(FacilityCatalog catalog, Bookings bookings, Maintenance maintenance, Waitlist waitlist, DataScope scope,
                    Statements statements) {
        this.statements = statements;
        this.catalog = catalog;
        this.bookings = bookings;
        this.maintenance = maintenance;
        this.waitlist = waitlist;
        this.scope = scope;
    }

    /** The instruments matching the need; a page past the end shows the last, a page number that is none the first. */
    @GetMapping("/instruments")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String type,
                @RequestParam(required = false) String page, Model model) {
        Page<InstrumentSummary> results = catalog.search(q, type, Page.number(page), PAGE_SIZE);
        if (results.pastTheEnd()) {
            results = catalog.search(q, type, results.lastPage(), PAGE_SIZE);
        }
        model.addAttribute("results", results);
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("canSeeStatements", statements.canSeeOwn());
        model.addAttribute("handlesBookings", catalog.handlesBookings());
        return "facility/instruments";
    }

    @GetMapping("/facilities/{id}/calendar")
    String calendar(@PathVariable String id, @RequestParam(required = false) String view, @RequestParam(required = false) String date,
                    Model model) {
        Instrument instrument = catalog.instrument(id);
        model.addAttribute("instrument", instrument);
        model.addAttribute("grid", grid(instrument, view, date));
        model.addAttribute("canManage", catalog.canManage(instrument));
        model.addAttribute("canBook", canBook());
        return "facility/calendar";
    }

    /** The grid alone, for htmx. */
    @GetMapping("/facilities/{id}/calendar/grid")
    String grid(@PathVariable String id, @RequestParam(required = false) String view, @RequestParam(required = false) String date,
                Model model) {
        Instrument instrument = catalog.instrument(id);
        model.addAttribute("instrument", instrument);
        model.addAttribute("grid", grid(instrument, view, date));
        model.addAttribute("canBook", canBook());
        return "facility/calendarGrid";
    }

    /** The booking form for a slot (htmx fragment). */
    @GetMapping("/facilities/{id}/book")
    String form(@PathVariable String id, @RequestParam String start, Model model) {
        Instrument instrument = catalog.instrument(id);
        model.addAttribute("instrument", instrument);
        model.addAttribute("start", org.triplehelix.facility.Times.instant("start", start));
        model.addAttribute("canBook", canBook());
        return "facility/bookForm";
    }

    /**
     * One slot, or with {@code weeks} above 1 a weekly series (skipping conflicts when asked) answered with its report.
     * A refused request answers with the booking form again as it was filled in (length, repeat, purpose), the field at
     * fault marked: 400 (409 for a taken slot) to a plain form post; to htmx 200, which htmx swaps in.
     */
    @PostMapping("/facilities/{id}/bookings")
    String book(@PathVariable String id, @RequestParam String start, @RequestParam("minutes") String typedMinutes,
                @RequestParam(defaultValue = "") String purpose, @RequestParam(name = "weeks", defaultValue = "1") String typedWeeks,
                @RequestParam(defaultValue = "false") boolean skipConflicts,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Instrument instrument = catalog.instrument(id);
        // the length and the repeat are lists no browser sends a word from: one that is not a whole number (an edited
        // request) is the form again with the field marked, as a length the rules refuse is, not the error page
        FormErrors unreadable = FormErrors.none();
        Integer readMinutes = unreadable.wholeNumber("minutes", typedMinutes);
        Integer readWeeks = unreadable.wholeNumber("weeks", typedWeeks);
        int minutes = readMinutes == null ? 0 : readMinutes;
        int weeks = readWeeks == null ? 1 : readWeeks;
        model.addAttribute("instrument", instrument);
        model.addAttribute("start", start);
        model.addAttribute("minutes", minutes);
        model.addAttribute("purpose", purpose);
        model.addAttribute("weeks", weeks);
        model.addAttribute("skipConflicts", skipConflicts);
        model.addAttribute("canBook", canBook());
        model.addAttribute("errors", FormErrors.none());
        try {
            model.addAttribute("startInstant", org.triplehelix.facility.Times.instant("start", start));
            if (unreadable.any() || readMinutes == null) {
                String field = unreadable.any() ? unreadable.fields().iterator().next() : "minutes";
                FormErrors errors = unreadable.any() ? unreadable : FormErrors.of("minutes", "facility.error.minutes");
                model.addAttribute("error", "facility.book.refused");
                model.addAttribute("errorArgs", new Object[] {reason(errors, field)});
                model.addAttribute("errors", errors);
                response.setStatus(htmx == null ? 400 : 200);
                return "facility/bookResult";
            }
            if (weeks > 1) {
                BookingRequest first = request(start, minutes, purpose);
                SeriesReport report = bookings.requestWeekly(id, new WeeklyRequest(first.start(), first.end(), weeks, null,
                        skipConflicts, purpose));
                response.setHeader("HX-Trigger", "calendar-changed");
                model.addAttribute("report", report);
                return "facility/bookResult";
            }
            BookingView booking = bookings.request(id, request(start, minutes, purpose));
            if (htmx == null) {
                redirect.addFlashAttribute("notice", "facility.book.done");
                return "redirect:/bookings/" + booking.id();
            }
            response.setHeader("HX-Trigger", "calendar-changed");
            model.addAttribute("booking", booking);
        } catch (BookingConflictException e) {
            model.addAttribute("conflict", e.conflict());
            response.setStatus(htmx == null ? 409 : 200);
        } catch (SeriesRefusedException e) {
            model.addAttribute("report", e.report());
            model.addAttribute("refused", true);
            response.setStatus(htmx == null ? 409 : 200);
        } catch (TrainingRequiredException e) {
            model.addAttribute("error", "facility.book.trainingRequired");
            response.setStatus(htmx == null ? 403 : 200);
        } catch (RuleViolationException e) {
            model.addAttribute("error", "facility.rule." + e.reason());
            model.addAttribute("errorArgs", e.args());
            String field = switch (e.reason()) {
                case "too-short", "too-long", "closed" -> "minutes";
                default -> "start";
            };
            model.addAttribute("errors", FormErrors.of(field, "facility.rule." + e.reason(), e.args()));
            response.setStatus(htmx == null ? 400 : 200);
        } catch (InvalidInputException e) {
            String field = formField(e.field());
            FormErrors errors = FormErrors.refusal(field, e);
            model.addAttribute("error", "facility.book.refused");
            model.addAttribute("errorArgs", new Object[] {reason(errors, field)});
            model.addAttribute("errors", errors);
            response.setStatus(htmx == null ? 400 : 200);
        }
        return "facility/bookResult";
    }

    /** The booking form's input for a refused field of the request: the length for the end, the repeat for a series' count. */
    private static String formField(String field) {
        return switch (field) {
            case "end" -> "minutes";
            case "count", "until" -> "weeks";
            default -> field;
        };
    }

    /** A refusal of the form's field as an argument of a message, said in the reader's language by the message source. */
    private static DefaultMessageSourceResolvable reason(FormErrors errors, String field) {
        return new DefaultMessageSourceResolvable(new String[] {errors.key(field)}, errors.args(field));
    }

    @PostMapping("/facilities/{id}/waitlist")
    String join(@PathVariable String id, @RequestParam String start, @RequestParam int minutes,
                @RequestParam(defaultValue = "") String purpose, Model model) {
        Instrument instrument = catalog.instrument(id);
        model.addAttribute("instrument", instrument);
        try {
            WaitlistEntry entry = waitlist.join(id, request(start, minutes, purpose));
            model.addAttribute("entry", entry);
        } catch (ConflictException e) {
            model.addAttribute("error", e.keyOr("facility.conflict.slotFree"));
            model.addAttribute("errorArgs", e.args());
        } catch (TrainingRequiredException e) {
            model.addAttribute("error", "facility.book.trainingRequired");
        } catch (RuleViolationException e) {
            model.addAttribute("error", e.key());
            model.addAttribute("errorArgs", e.args());
        } catch (InvalidInputException e) {
            String field = formField(e.field());
            model.addAttribute("error", "facility.book.refused");
            model.addAttribute("errorArgs", new Object[] {reason(FormErrors.refusal(field, e), field)});
        }
        return "facility/waitlistResult";
    }

    private static BookingRequest request(String start, int minutes, String purpose) {
        Instant from = org.triplehelix.facility.Times.instant("start", start);
        return new BookingRequest(from.toString(), from.plus(Duration.ofMinutes(minutes)).toString(), purpose);
    }

    private CalendarGrid grid(Instrument instrument, String view, String date) {
        String normal = CalendarGrid.normalView(view);
        LocalDate day = parseDate(date);
        LocalDate[] range = CalendarGrid.range(normal, day);
        Instant from = range[0].atStartOfDay(FacilityTime.ZONE).toInstant();
        Instant to = range[1].atStartOfDay(FacilityTime.ZONE).toInstant();
        return CalendarGrid.build(normal, day, instrument.rules(), bookings.forFacility(instrument.extId(), from, to),
                maintenance.between(instrument.extId(), from, to), Instant.now());
    }

    private static LocalDate parseDate(String date) {
        try {
            return date == null || date.isBlank() ? LocalDate.now(FacilityTime.ZONE) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date", "the date is written 2025-03-04", "form.date", date);
        }
    }

    private boolean canBook() {
        return scope.currentUser().isPresent() && (scope.hasRole(Role.ENTERPRISE) || scope.hasRole(Role.RESEARCHER) || scope.hasRole(Role.ADMIN));
    }
}
