package org.triplehelix.insight.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.triplehelix.insight.Dimension;
import org.triplehelix.insight.Filter;
import org.triplehelix.insight.Indicator;
import org.triplehelix.insight.Indicators;
import org.triplehelix.shared.Text;

/**
 * CSV of every table the dashboards show, in the page's language (UTF-8 with a byte order mark,
 * so that spreadsheet programs read the Chinese right). Record lists are streamed, never held whole.
 */
@Controller
class CsvExports {

    private final Indicators indicators;
    private final MessageSource messages;

    CsvExports(Indicators indicators, MessageSource messages) {
        this.indicators = indicators;
        this.messages = messages;
    }

    @GetMapping("/insight/overview.csv")
    void overview(@RequestParam(required = false) Integer year, Locale locale, HttpServletResponse response) throws IOException {
        int theYear = InsightPages.year(year);
        Map<String, BigDecimal> totals = indicators.values(Filter.ALL);
        Map<String, BigDecimal> ofYear = indicators.values(Filter.year(theYear));
        write(response, "insight-overview-" + theYear, csv -> {
            csv.printRecord("code", msg("insight.indicator", locale), msg("insight.allYears", locale), theYear,
                    msg("insight.target", locale), msg("insight.unit", locale));
            for (Indicator indicator : indicators.all()) {
                csv.printRecord(indicator.code(), indicator.name().in(locale), plain(totals.get(indicator.code())),
                        plain(ofYear.get(indicator.code())), plain(indicator.target(theYear)), indicator.unit().in(locale));
            }
        });
    }

    @GetMapping("/insight/indicators/{code}.csv")
    void breakdown(@PathVariable String code, @RequestParam(defaultValue = "year") String by, @RequestParam Map<String, String> parameters,
                   Locale locale, HttpServletResponse response) throws IOException {
        Indicator indicator = indicators.get(code);
        Dimension dimension = Dimension.of(by);
        List<Indicators.Part> parts = indicators.breakdown(indicator, dimension, Requests.filter(parameters));
        write(response, code + "-by-" + dimension.key(), csv -> {
            csv.printRecord(dimension.key(), msg("insight.by." + dimension.key(), locale), indicator.unit().in(locale));
            for (Indicators.Part part : parts) {
                csv.printRecord(part.key(), label(part.label(), part.key(), locale), plain(part.value()));
            }
        });
    }

    @GetMapping("/insight/indicators/{code}/records.csv")
    void records(@PathVariable String code, @RequestParam Map<String, String> parameters, Locale locale, HttpServletResponse response)
            throws IOException {
        Indicator indicator = indicators.get(code);
        Filter filter = Requests.filter(parameters); // refused before the file is begun: the error page, not a cut-off CSV
        write(response, code + "-records", csv -> {
            csv.printRecord("record_id", "record_kind", msg("insight.record", locale), "href", "region_code", "prefecture_code",
                    "tier", "industry_code", "industry_group", "year", "category", "weight", "illustrative");
            indicators.eachRecord(indicator, filter, row -> print(csv, row.recordId(), row.kind(),
                    label(row.label(), row.recordId(), locale), row.href(), row.regionCode(), row.prefectureCode(), row.tier(),
                    row.industryCode(), row.industryGroup(), row.year(), row.category(), plain(row.weight()), row.illustrative()));
        });
    }

    @GetMapping("/insight/map.csv")
    void map(@RequestParam(defaultValue = "organization.all") String indicator, @RequestParam(required = false) Integer year,
             Locale locale, HttpServletResponse response) throws IOException {
        Indicator shown = indicators.get(indicator);
        List<Indicators.Part> prefectures = indicators.prefectures(shown, year);
        write(response, indicator + "-prefectures", csv -> {
            csv.printRecord("region_code", msg("insight.prefecture", locale), shown.unit().in(locale));
            for (Indicators.Part part : prefectures) {
                csv.printRecord(part.key(), label(part.label(), part.key(), locale), plain(part.value()));
            }
        });
    }

    @GetMapping("/insight/network.csv")
    void network(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String tier, Locale locale,
                 HttpServletResponse response) throws IOException {
        List<NetworkJson.LinkRow> rows = NetworkJson.rows(indicators.network(limit, tier));
        write(response, "insight-network", csv -> {
            csv.printRecord("source_id", msg("insight.network.organization", locale), "target_id",
                    msg("insight.network.organization", locale), msg("insight.network.shared", locale), msg("insight.network.others", locale));
            for (NetworkJson.LinkRow row : rows) {
                csv.printRecord(row.source().extId(), label(row.source().name(), row.source().extId(), locale),
                        row.target().extId(), label(row.target().name(), row.target().extId(), locale), row.outputs(), row.others());
            }
        });
    }

    @GetMapping("/insight/industries.csv")
    void industries(@RequestParam(required = false) Integer year, Locale locale, HttpServletResponse response) throws IOException {
        IndustryView view = IndustryView.of(indicators, year);
        write(response, "insight-industries", csv -> {
            csv.printRecord("code", msg("insight.indicator", locale), "by", "key", msg("insight.by.industry", locale), "value");
            for (IndustryView.Row row : view.rows()) {
                for (Indicators.Part part : row.groups()) {
                    csv.printRecord(row.indicator().code(), row.indicator().name().in(locale), "industry_group", part.key(),
                            label(part.label(), part.key(), locale), plain(part.value()));
                }
                for (Indicators.Part part : row.industries()) {
                    csv.printRecord(row.indicator().code(), row.indicator().name().in(locale), "industry", part.key(),
                            label(part.label(), part.key(), locale), plain(part.value()));
                }
            }
        });
    }

    interface Rows {
        void print(CSVPrinter csv) throws IOException;
    }

    private static void write(HttpServletResponse response, String name, Rows rows) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            rows.print(csv);
        }
    }

    private static void print(CSVPrinter csv, Object... values) {
        try {
            csv.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String label(Text text, String fallback, Locale locale) {
        if (Filter.NONE.equals(fallback)) {
            return msg("insight.unknown", locale);
        }
        return safe(text == null ? fallback : text.in(locale));
    }

    /** A cell a spreadsheet would read as a formula (=, +, -, @) is quoted as text. */
    static String safe(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
