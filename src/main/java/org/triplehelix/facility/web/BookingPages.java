package org.triplehelix.facility.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.triplehelix.facility.BookingConflictException;
import org.triplehelix.facility.BookingView;
import org.triplehelix.facility.Bookings;
import org.triplehelix.facility.CalendarFeeds;
import org.triplehelix.facility.FacilityCatalog;
import org.triplehelix.facility.UsageInput;
import org.triplehelix.facility.Waitlist;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.FormErrors;

/**
 * The user's bookings, waitlist offers and calendar feed; one booking with the actions its state
 * and the viewer allow; the managers' queue. Forms post and come back with a notice, or refused, as typed.
 */
@Controller
class BookingPages {

    static final int PAGE_SIZE = 20;
    /** Actions that cannot be undone; the page asks for a ticked box first (the API, a script's deliberate call, does not). */
    static final java.util.Set<String> CONFIRMED = java.util.Set.of("cancel", "reject", "no-show");

    private final Bookings bookings;
    private final Waitlist waitlist;
    private final CalendarFeeds feeds;
    private final FacilityCatalog catalog;

    BookingPages(Bookings bookings, Waitlist waitlist, CalendarFeeds feeds, FacilityCatalog catalog) {
        this.catalog = catalog;
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.feeds = feeds;
    }

    /** The user's bookings; a page past the end shows the last, a page number that is none the first. */
    @GetMapping("/bookings")
    String mine(@RequestParam(defaultValue = "") String status, @RequestParam(required = false) String page, Model model) {
        Page<BookingView> mine = bookings.mine(status, Page.number(page), PAGE_SIZE);
        if (mine.pastTheEnd()) {
            mine = bookings.mine(status, mine.lastPage(), PAGE_SIZE);
        }
        model.addAttribute("bookings", mine);
        model.addAttribute("waitlist", waitlist.mine());
        model.addAttribute("hasFeed", feeds.hasToken());
        model.addAttribute("status", status);
        return "facility/bookings";
    }

    /** The bookings to handle; a page past the end shows the last, a page number that is none the first. */
    @GetMapping("/bookings/manage")
    String managed(@RequestParam(defaultValue = "pending") String status, @RequestParam(required = false) String page, Model model) {
        String code = status.equals("all") ? null : status;
        Page<BookingView> managed = bookings.managed(code, Page.number(page), PAGE_SIZE);
        if (managed.pastTheEnd()) {
            managed = bookings.managed(code, managed.lastPage(), PAGE_SIZE);
        }
        model.addAttribute("bookings", managed);
        model.addAttribute("handlesBookings", catalog.handlesBookings()); // else the page says whose they are, not just "nothing"
        model.addAttribute("status", status);
        return "facility/managed";
    }

    @GetMapping("/bookings/{id:\\d+}")
    String booking(@PathVariable long id, Model model) {
        model.addAttribute("booking", bookings.find(id));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", TypedForm.NONE);
        }
        return "facility/booking";
    }

    /**
     * An action on a booking; one that cannot be undone (cancel, reject, no-show) only with its box ticked.
     * Done: back to the booking with the notice. Refused: the booking page
     * again (400 for bad input, 409 when the booking's state or the time does not allow it) with the
     * action's form as typed and the field at fault marked, in the page's language; nothing is written.
     */
    @PostMapping("/bookings/{id:\\d+}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> form, Model model,
               HttpServletResponse response, RedirectAttributes redirect) {
        String reason = form.getOrDefault("reason", "");
        try {
            if (CONFIRMED.contains(action) && !"yes".equals(form.get("confirm"))) {
                throw new InvalidInputException("confirm", "tick the box to confirm", "facility.error.confirm");
            }
            BookingView after = switch (action) {
                case "approve" -> bookings.approve(id);
                case "reject" -> bookings.reject(id, reason);
                case "cancel" -> bookings.cancel(id, reason);
                case "start" -> bookings.start(id);
                case "no-show" -> bookings.markNoShow(id);
                case "complete" -> bookings.complete(id, usage(form));
                case "confirm-usage" -> bookings.confirmUsage(id, usage(form));
                default -> throw new org.triplehelix.shared.NotFoundException("action", action);
            };
            redirect.addFlashAttribute("notice", "facility.action.done." + action);
            return "redirect:/bookings/" + after.id();
        } catch (ConflictException e) {
            model.addAttribute("error", e.keyOr("facility.action.conflict"));
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("typed", TypedForm.of(action, form, FormErrors.none()));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        } catch (InvalidInputException e) {
            model.addAttribute("typed", TypedForm.of(action, form, FormErrors.refusal(e.field(), e)));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return booking(id, model);
    }

    /** The usage typed: none without hours (completion then counts the time since the start). */
    private static UsageInput usage(Map<String, String> form) {
        String hours = form.getOrDefault("hours", "").strip();
        String typedSamples = form.getOrDefault("samples", "").strip();
        Integer samples;
        try {
            samples = typedSamples.isEmpty() ? null : Integer.valueOf(typedSamples);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("samples", "the samples are a whole number: " + typedSamples, "form.wholeNumber", typedSamples);
        }
        if (hours.isEmpty()) {
            return samples == null ? null : new UsageInput(null, samples);
        }
        try {
            return new UsageInput(new BigDecimal(hours), samples);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("hours", "the hours are a number such as 2.5", "form.number", hours);
        }
    }

    /**
     * Answers an offer or leaves the line. Refused: back to the list with why, in the reader's language
     * (what took the slot meanwhile, a booking or a maintenance window, and that the entry waits again;
     * the offer expired, and when; a booking rule).
     */
    @PostMapping("/bookings/waitlist/{id}/{action}")
    String waitlist(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "accept" -> {
                    BookingView booking = waitlist.accept(id);
                    redirect.addFlashAttribute("notice", "facility.waitlist.accepted");
                    return "redirect:/bookings/" + booking.id();
                }
                case "decline" -> waitlist.decline(id);
                case "withdraw" -> waitlist.withdraw(id);
                default -> throw new org.triplehelix.shared.NotFoundException("action", action);
            }
            redirect.addFlashAttribute("notice", action.equals("decline") ? "facility.waitlist.declined" : "facility.waitlist.withdrawn");
        } catch (BookingConflictException e) {
            redirect.addFlashAttribute("error", "facility.waitlist.lost");
            redirect.addFlashAttribute("errorArgs", new Object[] {
                    new DefaultMessageSourceResolvable(new String[] {e.key()}, e.args())});
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.keyOr("facility.waitlist.changed"));
            redirect.addFlashAttribute("errorArgs", e.args());
        } catch (InvalidInputException e) {
            FormErrors refusal = FormErrors.refusal(e.field(), e);
            redirect.addFlashAttribute("error", refusal.key(e.field()));
            redirect.addFlashAttribute("errorArgs", refusal.args(e.field()));
        }
        return "redirect:/bookings";
    }

    /** A new secret feed URL, shown once on the next page. */
    @PostMapping("/bookings/feed")
    String feed(RedirectAttributes redirect) {
        String token = feeds.newToken();
        redirect.addFlashAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/bookings/feed/{token}.ics").buildAndExpand(token).toUriString());
        return "redirect:/bookings";
    }
}
