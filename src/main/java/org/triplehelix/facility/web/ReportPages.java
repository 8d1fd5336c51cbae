package org.triplehelix.facility.web;

import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.triplehelix.facility.FacilityTime;
import org.triplehelix.facility.SharingIndicators;
import org.triplehelix.facility.Statements;
import org.triplehelix.facility.Times;

/** The sharing indicators (public) and an organization's monthly statement (its private data). */
@Controller
class ReportPages {

    private final SharingIndicators indicators;
    private final Statements statements;

    ReportPages(SharingIndicators indicators, Statements statements) {
        this.indicators = indicators;
        this.statements = statements;
    }

    @GetMapping("/facilities/indicators")
    String indicators(@RequestParam(defaultValue = "instrument") String by, @RequestParam(required = false) Integer year,
                      @RequestParam(required = false) Integer month, Model model) {
        int theYear = year == null ? LocalDate.now(FacilityTime.ZONE).getYear() : year;
        SharingIndicators.Grouping grouping = SharingIndicators.Grouping.of(by);
        model.addAttribute("rows", indicators.compute(grouping, theYear, month));
        model.addAttribute("total", indicators.total(theYear, month));
        model.addAttribute("by", grouping.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("year", theYear);
        model.addAttribute("month", month);
        return "facility/indicators";
    }

    @GetMapping("/facilities/statements")
    String statement(@RequestParam(defaultValue = "") String organization, @RequestParam(defaultValue = "") String month,
                     @RequestParam(defaultValue = "customer") String side, Model model) {
        YearMonth theMonth = month.isBlank() ? YearMonth.now(FacilityTime.ZONE) : Times.month("month", month);
        if (organization.isBlank() && statements.canSeeOwn()) {
            organization = statements.ownOrganization(); // else the empty form, not a 404 for the user's own organization
        }
        model.addAttribute("organization", organization);
        model.addAttribute("month", theMonth.toString());
        model.addAttribute("side", side);
        model.addAttribute("statement", organization.isBlank() ? null : statements.statement(organization, theMonth, side));
        return "facility/statement";
    }
}
