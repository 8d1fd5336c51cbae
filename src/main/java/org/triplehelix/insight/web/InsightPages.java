package org.triplehelix.insight.web;

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

/**
 * The dashboards: the overview (headline numbers, targets against actuals, trends), one
 * indicator's breakdowns, the records behind a number, the Hubei map, the collaboration network
 * and the industry groups. Public: indicators are aggregates of public facts (see docs/insight.md).
 */
@Controller
class InsightPages {

    static final int PAGE_SIZE = 50;

    private final Indicators indicators;

    InsightPages(Indicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/insight")
    String overview(@RequestParam(required = false) Integer year, Model model) {
        int theYear = year(year);
        model.addAttribute("view", OverviewView.of(indicators, theYear));
        return "insight/overview";
    }

    @GetMapping("/insight/indicators/{code}")
    String indicator(@PathVariable String code, @RequestParam Map<String, String> parameters, Model model) {
        Indicator indicator = indicators.get(code);
        Filter filter = Requests.filter(parameters);
        model.addAttribute("view", IndicatorView.of(indicators, indicator, filter));
        return "insight/indicator";
    }

    @GetMapping("/insight/indicators/{code}/records")
    String records(@PathVariable String code, @RequestParam Map<String, String> parameters,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        Indicator indicator = indicators.get(code);
        Filter filter = Requests.filter(parameters);
        model.addAttribute("indicator", indicator);
        model.addAttribute("filter", filter);
        model.addAttribute("value", indicators.value(indicator, filter));
        model.addAttribute("records", indicators.records(indicator, filter, page, PAGE_SIZE));
        return "insight/records";
    }

    @GetMapping("/insight/map")
    String map(@RequestParam(defaultValue = "organization.all") String indicator, @RequestParam(required = false) Integer year, Model model) {
        Indicator shown = indicators.get(indicator);
        if (!shown.breaksDownBy(Dimension.REGION)) {
            throw new InvalidInputException("indicator", indicator + " has no regional breakdown", "insight.error.notBrokenDownBy.region", indicator);
        }
        model.addAttribute("view", MapView.of(indicators, shown, year));
        return "insight/map";
    }

    @GetMapping("/insight/network")
    String network(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String tier, Model model) {
        model.addAttribute("network", indicators.network(limit, tier));
        model.addAttribute("limit", limit);
        model.addAttribute("tier", tier == null ? "" : tier);
        return "insight/network";
    }

    @GetMapping("/insight/network/shared")
    String shared(@RequestParam String source, @RequestParam String target, Model model) {
        model.addAttribute("source", source);
        model.addAttribute("target", target);
        model.addAttribute("outputs", indicators.sharedOutputs(source, target));
        return "insight/shared";
    }

    @GetMapping("/insight/industries")
    String industries(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("view", IndustryView.of(indicators, year));
        return "insight/industries";
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
