package org.triplehelix.facility.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.triplehelix.facility.BookingConflictException;
import org.triplehelix.facility.FacilityCatalog;
import org.triplehelix.facility.Instrument;
import org.triplehelix.facility.Maintenance;
import org.triplehelix.facility.MaintenanceRequest;
import org.triplehelix.facility.ProfileChange;
import org.triplehelix.facility.Times;
import org.triplehelix.facility.Trainings;
import org.triplehelix.facility.Waitlist;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.web.FormErrors;
import org.triplehelix.shared.web.PathSegment;

/**
 * An instrument's management page, for its managers and its organization's administrators:
 * the profile (place, model, capabilities, fees, rules, opening hours), the managers, maintenance
 * windows, training records and the waitlist. Every change is checked again by the services.
 */
@Controller
class ManagePages {

    private final FacilityCatalog catalog;
    private final Maintenance maintenance;
    private final Trainings trainings;
    private final Waitlist waitlist;

    ManagePages(FacilityCatalog catalog, Maintenance maintenance, Trainings trainings, Waitlist waitlist) {
        this.catalog = catalog;
        this.maintenance = maintenance;
        this.trainings = trainings;
        this.waitlist = waitlist;
    }

    @GetMapping("/facilities/{id}/manage")
    String manage(@PathVariable String id, Model model) {
        Instrument instrument = catalog.instrument(id);
        catalog.requireCanManage(instrument);
        model.addAttribute("instrument", instrument);
        model.addAttribute("canAdminister", catalog.canAdminister(instrument));
        model.addAttribute("maintenance", maintenance.between(id, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(366))));
        model.addAttribute("trainings", trainings.list(id));
        model.addAttribute("waitlist", waitlist.forFacility(id));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", TypedForm.NONE);
        }
        return "facility/manage";
    }

    @PostMapping("/facilities/{id}/profile")
    String profile(@PathVariable String id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        List<InvalidInputException> refusals = new ArrayList<>();
        ProfileChange change = change(form, refusals);
        refusals.addAll(catalog.profileRefusals(id, change));
        if (!refusals.isEmpty()) {
            model.addAttribute("typed", TypedForm.of("profile", form, TypedForm.errorsOf(refusals)));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return manage(id, model);
        }
        return act(id, "profile", form, model, response, redirect, "facility.manage.saved", () -> catalog.updateProfile(id, change));
    }

    @PostMapping("/facilities/{id}/managers")
    String managers(@PathVariable String id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        List<String> emails = Arrays.stream(form.getOrDefault("managers", "").split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        return act(id, "managers", form, model, response, redirect, "facility.manage.managersSaved", () -> catalog.setManagers(id, emails));
    }

    @PostMapping("/facilities/{id}/maintenance")
    String addMaintenance(@PathVariable String id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        return act(id, "maintenance", form, model, response, redirect, "facility.manage.maintenanceAdded",
                () -> maintenance.add(id, new MaintenanceRequest(form.getOrDefault("start", ""), form.getOrDefault("end", ""),
                        form.getOrDefault("reason", ""), "true".equals(form.get("cancelBookings")))));
    }

    @PostMapping("/facilities/{id}/maintenance/{windowId}/delete")
    String removeMaintenance(@PathVariable String id, @PathVariable long windowId, Model model, HttpServletResponse response,
                             RedirectAttributes redirect) {
        return act(id, "remove", Map.of(), model, response, redirect, "facility.manage.maintenanceRemoved", () -> maintenance.remove(id, windowId));
    }

    @PostMapping("/facilities/{id}/training")
    String grant(@PathVariable String id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        return act(id, "training", form, model, response, redirect, "facility.manage.trainingGranted",
                () -> trainings.grant(id, form.getOrDefault("email", ""), Times.date("validUntil", form.getOrDefault("validUntil", ""))));
    }

    @PostMapping("/facilities/{id}/training/{userId}/delete")
    String revoke(@PathVariable String id, @PathVariable long userId, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(id, "remove", Map.of(), model, response, redirect, "facility.manage.trainingRevoked", () -> trainings.revoke(id, userId));
    }

    /**
     * Runs a change of one of the page's forms. Done: back to the page with the notice. Refused: the
     * page again (400, 409 for a collision or a stale version) with that form as it was typed and the
     * field at fault marked; nothing is written. A conflict says what is in the way (the booking or
     * maintenance window and its time, the changed profile) in the reader's language by its message key.
     */
    private String act(String id, String formName, Map<String, String> form, Model model, HttpServletResponse response,
                       RedirectAttributes redirect, String notice, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/facilities/" + PathSegment.of(id) + "/manage";
        } catch (ConflictException e) {
            model.addAttribute("error", e.keyOr("facility.manage.conflict"));
            model.addAttribute("errorArgs", e.args());
            model.addAttribute("typed", TypedForm.of(formName, form, e instanceof BookingConflictException
                    ? FormErrors.of(conflictField(formName), "facility.manage.conflict") : FormErrors.none()));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        } catch (InvalidInputException e) {
            model.addAttribute("typed", TypedForm.of(formName, form, TypedForm.errorOf(e)));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return manage(id, model);
    }

    private static String conflictField(String formName) {
        return "maintenance".equals(formName) ? "start" : "openingHours";
    }

    /**
     * The profile form's fields as a change: every field is sent, so none keeps its old value by omission;
     * a day whose times are left blank is sent as closed ({@code null}).
     * A number that does not parse is added to {@code refusals} (and left out), so that the form can mark it
     * together with the service's refusals of the other fields.
     */
    static ProfileChange change(Map<String, String> form, List<InvalidInputException> refusals) {
        Map<String, ProfileChange.DayHours> week = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = FacilityViews.dayKey(day);
            String opens = form.getOrDefault(key + "Opens", "").strip();
            String closes = form.getOrDefault(key + "Closes", "").strip();
            week.put(key, opens.isEmpty() && closes.isEmpty() ? null
                    : new ProfileChange.DayHours(opens.isEmpty() ? null : opens, closes.isEmpty() ? "24:00" : closes));
        }
        return new ProfileChange(form.getOrDefault("locationZh", ""), form.getOrDefault("locationEn", ""),
                form.getOrDefault("model", ""), form.getOrDefault("maker", ""), form.getOrDefault("capabilitiesZh", ""),
                form.getOrDefault("capabilitiesEn", ""), form.get("feeUnit"), decimal(form, "internalRate", refusals),
                decimal(form, "externalRate", refusals), integer(form, "minMinutes", refusals), integer(form, "maxMinutes", refusals),
                integer(form, "slotMinutes", refusals), integer(form, "leadMinutes", refusals), integer(form, "horizonDays", refusals),
                form.containsKey("approvalRequired"), form.containsKey("trainingRequired"), week, integer(form, "version", refusals));
    }

    private static BigDecimal decimal(Map<String, String> form, String field, List<InvalidInputException> refusals) {
        String value = form.getOrDefault(field, "").strip();
        try {
            return value.isEmpty() ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            refusals.add(new InvalidInputException(field, field + " is not a number: " + value, "form.number", value));
            return null;
        }
    }

    /**
     * A whole number of the form. One beyond the range of an int (a lead time of 99999999999 minutes) is a whole
     * number all the same: it is brought to the nearest int, so that the field's own bound refuses it with its range
     * ("0 to 525600 minutes") rather than the form claiming that no whole number was typed.
     */
    private static Integer integer(Map<String, String> form, String field, List<InvalidInputException> refusals) {
        String value = form.getOrDefault(field, "").strip();
        try {
            return value.isEmpty() ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            if (value.matches("[+-]?\\d+")) {
                return value.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            }
            refusals.add(new InvalidInputException(field, field + " is not a whole number: " + value, "form.wholeNumber", value));
            return null;
        }
    }

}
