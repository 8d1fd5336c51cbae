package org.triplehelix.access.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.triplehelix.access.AuditFilter;
import org.triplehelix.access.AuditLog;

/** The audit trail page for administrators: filters, pages, and the CSV export of what is shown. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/admin/audit")
    String trail(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String kind,
                 @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String entityId,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        AuditFilter filter = new AuditFilter(actor, kind, action, entityId, from, to);
        model.addAttribute("entries", auditLog.search(filter, page, PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", auditLog.entityKinds());
        model.addAttribute("actions", auditLog.actions());
        model.addAttribute("exportUrl", UriComponentsBuilder.fromPath("/api/v1/audit/export")
                .query(request.getQueryString()).replaceQueryParam("page").build().encode().toUriString());
        return "access/audit";
    }
}
