package org.triplehelix.facility.web;

import java.math.BigDecimal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.triplehelix.facility.BookingView;
import org.triplehelix.facility.Bookings;
import org.triplehelix.facility.CalendarFeeds;
import org.triplehelix.facility.UsageInput;
import org.triplehelix.facility.Waitlist;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;

/**
 * The user's bookings, waitlist offers and calendar feed; one booking with the actions its state
 * and the viewer allow; the managers' queue. Forms post and come back with a notice.
 */
@Controller
class BookingPages {

    static final int PAGE_SIZE = 20;

    private final Bookings bookings;
    private final Waitlist waitlist;
    private final CalendarFeeds feeds;

    BookingPages(Bookings bookings, Waitlist waitlist, CalendarFeeds feeds) {
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.feeds = feeds;
    }

    @GetMapping("/bookings")
    String mine(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("bookings", bookings.mine(status, page, PAGE_SIZE));
        model.addAttribute("waitlist", waitlist.mine());
        model.addAttribute("hasFeed", feeds.hasToken());
        model.addAttribute("status", status);
        return "facility/bookings";
    }

    @GetMapping("/bookings/manage")
    String managed(@RequestParam(defaultValue = "pending") String status, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("bookings", bookings.managed(status.equals("all") ? null : status, page, PAGE_SIZE));
        model.addAttribute("status", status);
        return "facility/managed";
    }

    @GetMapping("/bookings/{id:\\d+}")
    String booking(@PathVariable long id, Model model) {
        model.addAttribute("booking", bookings.find(id));
        return "facility/booking";
    }

    @PostMapping("/bookings/{id:\\d+}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(defaultValue = "") String reason,
               @RequestParam(defaultValue = "") String hours, @RequestParam(required = false) Integer samples,
               RedirectAttributes redirect) {
        try {
            BookingView after = switch (action) {
                case "approve" -> bookings.approve(id);
                case "reject" -> bookings.reject(id, reason);
                case "cancel" -> bookings.cancel(id, reason);
                case "start" -> bookings.start(id);
                case "no-show" -> bookings.markNoShow(id);
                case "complete" -> bookings.complete(id, usage(hours, samples));
                case "confirm-usage" -> bookings.confirmUsage(id, usage(hours, samples));
                default -> throw new org.triplehelix.shared.NotFoundException("action", action);
            };
            redirect.addFlashAttribute("notice", "facility.action.done." + action);
            return "redirect:/bookings/" + after.id();
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", "facility.action.conflict");
            redirect.addFlashAttribute("errorDetail", e.getMessage());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", "facility.action.invalid");
            redirect.addFlashAttribute("errorDetail", e.getMessage());
        }
        return "redirect:/bookings/" + id;
    }

    private static UsageInput usage(String hours, Integer samples) {
        if (hours.isBlank()) {
            return samples == null ? null : new UsageInput(null, samples);
        }
        try {
            return new UsageInput(new BigDecimal(hours.strip()), samples);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("hours", "the hours are a number such as 2.5");
        }
    }

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
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", "facility.waitlist.lost");
            redirect.addFlashAttribute("errorDetail", e.getMessage());
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
