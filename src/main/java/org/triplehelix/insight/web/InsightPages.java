package org.triplehelix.insight.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.triplehelix.insight.Dimension;
import org.triplehelix.insight.Filter;
import org.triplehelix.insight.Indicator;
import org.triplehelix.insight.Indicators;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.FormErrors;

/**
 * The dashboards: the overview (headline numbers, targets against actuals, trends), one
 * indicator's breakdowns, the records behind a number, the Hubei map, the collaboration network
 * and the industry groups. Public: indicators are aggregates of public facts (see docs/insight.md).
 */
@Controller
class InsightPages {

    static final int PAGE_SIZE = 50;
    /** The links of the network shown unless the reader asks for another number, and the most it shows. */
    static final int DEFAULT_LINKS = 100;
    static final int MAX_LINKS = 500;

    private final Indicators indicators;

    InsightPages(Indicators indicators) {
        this.indicators = indicators;
    }

    /*
     * The forms of these pages (a year, an indicator, how many links): a value that cannot be used is not an
     * error page that loses the rest; the page comes back (400) with the form as typed, the field marked with
     * why, and what it shows without that value (this year, all years, the default), said so.
     */

    @GetMapping("/insight")
    String overview(@RequestParam(required = false) String year, Model model, HttpServletResponse response) {
        FormErrors refused = FormErrors.none();
        Integer typed = year(year, refused);
        model.addAttribute("view", OverviewView.of(indicators, typed == null ? Requests.currentYear() : typed));
        return refusable("insight/overview", refused, Map.of("year", text(year)), model, response);
    }

    @GetMapping("/insight/indicators/{code}")
    String indicator(@PathVariable String code, @RequestParam Map<String, String> parameters, Model model) {
        Indicator indicator = indicators.get(code);
        Filter filter = Requests.filter(parameters);
        model.addAttribute("view", IndicatorView.of(indicators, indicator, filter));
        return "insight/indicator";
    }

    /** The records behind a number, a page at a time; a page number past the end shows the last page. */
    @GetMapping("/insight/indicators/{code}/records")
    String records(@PathVariable String code, @RequestParam Map<String, String> parameters,
                   @RequestParam(required = false) String page, Model model) {
        Indicator indicator = indicators.get(code);
        Filter filter = Requests.filter(parameters);
        model.addAttribute("indicator", indicator);
        model.addAttribute("filter", filter);
        model.addAttribute("value", indicators.value(indicator, filter));
        Page<Indicators.Row> records = indicators.records(indicator, filter, Page.number(page), PAGE_SIZE);
        if (records.pastTheEnd()) {
            records = indicators.records(indicator, filter, records.lastPage(), PAGE_SIZE);
        }
        model.addAttribute("records", records);
        return "insight/records";
    }

    @GetMapping("/insight/map")
    String map(@RequestParam(defaultValue = "organization.all") String indicator, @RequestParam(required = false) String year,
               Model model, HttpServletResponse response) {
        FormErrors refused = FormErrors.none();
        Indicator shown = indicators.get(indicator);
        if (!shown.breaksDownBy(Dimension.REGION)) {
            refused.add("indicator", "insight.error.notBrokenDownBy.region", indicator);
            shown = indicators.get("organization.all");
        }
        model.addAttribute("view", MapView.of(indicators, shown, year(year, refused)));
        return refusable("insight/map", refused, Map.of("year", text(year)), model, response);
    }

    @GetMapping("/insight/network")
    String network(@RequestParam(required = false) String limit, @RequestParam(required = false) String tier, Model model,
                   HttpServletResponse response) {
        FormErrors refused = FormErrors.none();
        int links = DEFAULT_LINKS;
        if (limit != null && !limit.isBlank()) {
            try {
                links = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                links = -1;
            }
            if (links < 1 || links > MAX_LINKS) {
                refused.add("limit", "insight.error.limit", MAX_LINKS);
                links = DEFAULT_LINKS;
            }
        }
        model.addAttribute("network", indicators.network(links, tier));
        model.addAttribute("limit", links);
        model.addAttribute("tier", tier == null ? "" : tier);
        return refusable("insight/network", refused, Map.of("limit", text(limit)), model, response);
    }

    @GetMapping("/insight/network/shared")
    String shared(@RequestParam String source, @RequestParam String target, Model model) {
        model.addAttribute("source", source);
        model.addAttribute("target", target);
        model.addAttribute("outputs", indicators.sharedOutputs(source, target));
        return "insight/shared";
    }

    @GetMapping("/insight/industries")
    String industries(@RequestParam(required = false) String year, Model model, HttpServletResponse response) {
        FormErrors refused = FormErrors.none();
        model.addAttribute("view", IndustryView.of(indicators, year(year, refused)));
        return refusable("insight/industries", refused, Map.of("year", text(year)), model, response);
    }

    /** A year typed in a page's form: null when blank; null and refused when it is not a year the filters take. */
    static Integer year(String typed, FormErrors refused) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return year(Filter.ALL.with(Dimension.YEAR, typed).year());
        } catch (InvalidInputException e) {
            refused.add("year", e.key(), e.args());
            return null;
        }
    }

    /** The page with its refused fields and what was typed in them; 400 when a field was refused. */
    private static String refusable(String view, FormErrors refused, Map<String, String> typed, Model model, HttpServletResponse response) {
        if (refused.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("refused", refused);
        model.addAttribute("typed", typed);
        return view;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static int year(Integer year) {
        int theYear = year == null ? Requests.currentYear() : year;
        if (theYear < Filter.FIRST_YEAR || theYear > Filter.LAST_YEAR) {
            throw new InvalidInputException("year", "the year is between " + Filter.FIRST_YEAR + " and " + Filter.LAST_YEAR,
                    "insight.error.year", String.valueOf(theYear), String.valueOf(Filter.FIRST_YEAR), String.valueOf(Filter.LAST_YEAR));
        }
        return theYear;
    }

    static List<Dimension> shownBreakdowns(Indicator indicator) {
        return indicator.breakdowns();
    }
}
