package org.triplehelix.facility.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.triplehelix.facility.FacilityTime;
import org.triplehelix.facility.SharingIndicators;
import org.triplehelix.facility.Statement;
import org.triplehelix.facility.Statements;
import org.triplehelix.facility.Times;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.web.FormErrors;

/** The sharing indicators (public) and an organization's monthly statement (its private data). */
@Controller
class ReportPages {

    private final SharingIndicators indicators;
    private final Statements statements;

    ReportPages(SharingIndicators indicators, Statements statements) {
        this.indicators = indicators;
        this.statements = statements;
    }

    /**
     * The indicators for a year, or one month of it. A year or month the form does not offer (a year in words, outside
     * 2000 to 2100, a month 13) is not an error page that loses the rest: the page comes back (400) with the field marked
     * and what was typed in it, showing this year or the whole year instead, said so.
     */
    @GetMapping("/facilities/indicators")
    String indicators(@RequestParam(defaultValue = "instrument") String by, @RequestParam(required = false) String year,
                      @RequestParam(required = false) String month, Model model, HttpServletResponse response) {
        FormErrors refused = FormErrors.none();
        Integer typedYear = refused.wholeNumber("year", year, SharingIndicators.FIRST_YEAR, SharingIndicators.LAST_YEAR);
        Integer theMonth = refused.wholeNumber("month", month, 1, 12);
        int theYear = typedYear == null ? LocalDate.now(FacilityTime.ZONE).getYear() : typedYear;
        SharingIndicators.Grouping grouping = SharingIndicators.Grouping.of(by);
        model.addAttribute("rows", indicators.compute(grouping, theYear, theMonth));
        model.addAttribute("total", indicators.total(theYear, theMonth));
        model.addAttribute("by", grouping.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("year", theYear);
        model.addAttribute("month", theMonth);
        if (refused.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("refused", refused);
        model.addAttribute("typedYear", year == null ? "" : year);
        return "facility/indicators";
    }

    /**
     * An organization's statement. The organization is picked by name (the registry's suggestions, its external id
     * carried hidden in {@code organization}); a name typed and not picked is looked up, once it names exactly one.
     * Without either, the user's own organization, or the empty form for who has none to see. A name that names no
     * organization whose statement the user may see comes back (400) in the form as typed, the field marked.
     */
    @GetMapping("/facilities/statements")
    String statement(@RequestParam(defaultValue = "") String organization, @RequestParam(defaultValue = "") String organizationName,
                     @RequestParam(defaultValue = "") String month, @RequestParam(defaultValue = "customer") String side,
                     Model model, HttpServletResponse response) {
        YearMonth theMonth = month.isBlank() ? YearMonth.now(FacilityTime.ZONE) : Times.month("month", month);
        String typed = organizationName.strip();
        String extId = organization.strip();
        if (extId.isEmpty() && !typed.isEmpty()) {
            extId = statements.organizationNamed(typed).orElse("");
        } else if (extId.isEmpty() && statements.canSeeOwn()) {
            extId = statements.ownOrganization(); // else the empty form, not a 404 for the user's own organization
        }
        FormErrors errors = FormErrors.none();
        Statement statement = null;
        if (!extId.isEmpty()) {
            try {
                statement = statements.statement(extId, theMonth, side);
            } catch (NotFoundException e) { // none, or one whose private figures are not the user's to see: the same answer
                errors.add("organization", "facility.statement.noSuchOrganization", typed.isEmpty() ? extId : typed);
            }
        } else if (!typed.isEmpty()) {
            errors.add("organization", "facility.statement.noSuchOrganization", typed);
        }
        if (errors.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("organization", statement == null ? "" : statement.organization());
        model.addAttribute("organizationName", typed.isEmpty() && statement == null ? extId : typed);
        model.addAttribute("month", theMonth.toString());
        model.addAttribute("side", side);
        model.addAttribute("statement", statement);
        model.addAttribute("errors", errors);
        return "facility/statement";
    }
}
