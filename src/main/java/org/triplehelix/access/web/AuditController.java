package org.triplehelix.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.triplehelix.access.AuditEntry;
import org.triplehelix.access.AuditFilter;
import org.triplehelix.access.AuditLog;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.FormErrors;

/** The audit trail page for administrators: filters, pages, and the CSV export of what is shown. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /**
     * The trail, filtered. A date that cannot be read, or a last day before the first, is not an error page
     * that loses the other filters: the page comes back (400) with the form as typed, the date marked with
     * why, and the entries of the other filters. A page number past the end shows the last page.
     */
    @GetMapping("/admin/audit")
    String trail(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String kind,
                 @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String entityId,
                 @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                 @RequestParam(required = false) String page, HttpServletRequest request, HttpServletResponse response, Model model) {
        FormErrors refused = FormErrors.none();
        LocalDate fromDate = date("from", from, refused);
        LocalDate toDate = date("to", to, refused);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            refused.add("to", "access.audit.error.dates", fromDate.toString(), toDate.toString());
            fromDate = null;
            toDate = null;
        }
        AuditFilter filter = new AuditFilter(actor, kind, action, entityId, fromDate, toDate);
        Page<AuditEntry> entries = auditLog.search(filter, Page.number(page), PAGE_SIZE);
        if (entries.pastTheEnd()) {
            entries = auditLog.search(filter, entries.lastPage(), PAGE_SIZE);
        }
        if (refused.any()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("entries", entries);
        model.addAttribute("filter", filter);
        model.addAttribute("refused", refused);
        model.addAttribute("typed", Map.of("from", from, "to", to));
        model.addAttribute("kinds", auditLog.entityKinds());
        model.addAttribute("actions", auditLog.actions());
        model.addAttribute("exportUrl", UriComponentsBuilder.fromPath("/api/v1/audit/export")
                .query(request.getQueryString()).replaceQueryParam("page").build().encode().toUriString());
        return "access/audit";
    }

    /** A day as the date field gives it (2026-03-31), or null with the field refused. */
    private static LocalDate date(String field, String typed, FormErrors refused) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            refused.add(field, "access.audit.error.date", typed.strip());
            return null;
        }
    }
}
