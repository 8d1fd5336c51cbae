package org.triplehelix.insight.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.triplehelix.insight.Indicators;
import org.triplehelix.insight.InsightSummaries;
import org.triplehelix.shared.InvalidInputException;

/**
 * The annual briefing, XLSX or PDF, in Chinese or English ({@code lang}, else the page's
 * language). Public, like the dashboards it summarizes: it holds the same public aggregates and
 * no record. A briefing is built once per year, language and refresh of the summaries, then
 * served from memory (a few recent ones are kept), so repeated downloads cost nothing.
 */
@Controller
class BriefingPages {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final int KEPT = 8;

    private final Indicators indicators;
    private final InsightSummaries summaries;
    private final MessageSource messages;
    private final PdfFonts fonts;
    private final Map<String, byte[]> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > KEPT;
        }
    };

    BriefingPages(Indicators indicators, InsightSummaries summaries, MessageSource messages, PdfFonts fonts) {
        this.indicators = indicators;
        this.summaries = summaries;
        this.messages = messages;
        this.fonts = fonts;
    }

    @GetMapping("/insight/briefing.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Integer year, @RequestParam(required = false) String lang, Locale locale) {
        return document("xlsx", XLSX, year, lang, locale);
    }

    @GetMapping("/insight/briefing.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) Integer year, @RequestParam(required = false) String lang, Locale locale) {
        return document("pdf", MediaType.APPLICATION_PDF, year, lang, locale);
    }

    private ResponseEntity<byte[]> document(String format, MediaType type, Integer year, String lang, Locale locale) {
        int theYear = InsightPages.year(year);
        Locale language = language(lang, locale);
        String key = format + "/" + theYear + "/" + language.getLanguage() + "/" + summaries.version();
        byte[] body;
        synchronized (recent) {
            body = recent.get(key);
        }
        if (body == null) {
            Briefing briefing = Briefing.of(indicators, messages, theYear, language);
            body = format.equals("pdf") ? BriefingPdf.write(briefing, fonts) : BriefingXlsx.write(briefing);
            synchronized (recent) {
                recent.put(key, body);
            }
        }
        String name = "briefing-" + theYear + "-" + language.getLanguage() + "." + format;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    private static Locale language(String lang, Locale locale) {
        if (lang == null || lang.isBlank()) {
            return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        return switch (lang.strip()) {
            case "en" -> Locale.ENGLISH;
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            default -> throw new InvalidInputException("lang", "lang is zh or en", "insight.error.lang", lang.strip());
        };
    }
}
