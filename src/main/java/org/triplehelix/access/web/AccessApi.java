package org.triplehelix.access.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triplehelix.access.Account;
import org.triplehelix.access.AccountFilter;
import org.triplehelix.access.AccountStatus;
import org.triplehelix.access.AuditEntry;
import org.triplehelix.access.AuditFilter;
import org.triplehelix.access.AuditLog;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.access.UserAccounts;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.Paging;

/** The JSON API of accounts and the audit trail (HTTP Basic for scripts, or the browser's session). */
@RestController
@RequestMapping("/api/v1")
class AccessApi {

    private final UserAccounts accounts;
    private final AuditLog auditLog;
    private final DataScope scope;

    AccessApi(UserAccounts accounts, AuditLog auditLog, DataScope scope) {
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.scope = scope;
    }

    /** The signed-in user. */
    @GetMapping("/me")
    CurrentUser me() {
        return scope.requireSignedIn();
    }

    /** The signed-in user's own settings: {@code {"noticeMail": true}} (their notices also by e-mail). */
    @GetMapping("/me/settings")
    Settings settings() {
        return new Settings(accounts.noticeMail());
    }

    /** Changes the signed-in user's own settings: {@code {"noticeMail": false}} turns the e-mail of notices off. */
    @PutMapping("/me/settings")
    Settings settings(@RequestBody Settings change) {
        if (change == null || change.noticeMail() == null) {
            throw new InvalidInputException("noticeMail", "noticeMail (true or false) is required");
        }
        return new Settings(accounts.setNoticeMail(change.noticeMail()));
    }

    @GetMapping("/users")
    Page<Account> users(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
                        @RequestParam(required = false) String status, @ParameterObject Paging paging) {
        return accounts.search(new AccountFilter(q, role == null ? null : Role.of(role), status == null ? null : AccountStatus.of(status)),
                paging.number(), paging.pageSize());
    }

    @GetMapping("/users/{id}")
    Account user(@PathVariable long id) {
        return accounts.find(id);
    }

    @PostMapping("/users/{id}/approve")
    Account approve(@PathVariable long id) {
        return accounts.approve(id);
    }

    /** Turns a registration down: {@code {"reason": "…"}}, the body and the reason optional; the registrant is e-mailed when the platform sends e-mail. */
    @PostMapping("/users/{id}/reject")
    Account reject(@PathVariable long id, @RequestBody(required = false) Rejection rejection) {
        return accounts.reject(id, rejection == null ? null : rejection.reason());
    }

    /** Why a registration is turned down, for the registrant. */
    record Rejection(String reason) {
    }

    @PostMapping("/users/{id}/disable")
    Account disable(@PathVariable long id) {
        return accounts.disable(id);
    }

    @PostMapping("/users/{id}/enable")
    Account enable(@PathVariable long id) {
        return accounts.enable(id);
    }

    @PostMapping("/users/{id}/unlock")
    Account unlock(@PathVariable long id) {
        return accounts.unlock(id);
    }

    /** Replaces the user's roles: {@code {"roles": ["RESEARCHER", "REVIEWER"]}}. */
    @PutMapping("/users/{id}/roles")
    Account roles(@PathVariable long id, @RequestBody RolesChange change) {
        if (change.roles() == null) {
            throw new InvalidInputException("roles", "roles is required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        change.roles().forEach(role -> roles.add(Role.of(role)));
        return accounts.setRoles(id, roles);
    }

    @GetMapping("/audit")
    Page<AuditEntry> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String kind,
                           @RequestParam(required = false) String action, @RequestParam(required = false) String entityId,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @ParameterObject Paging paging) {
        return auditLog.search(new AuditFilter(actor, kind, action, entityId, from, to), paging.number(),
                paging.pageSize(AuditLog.DEFAULT_PAGE_SIZE, AuditLog.MAX_PAGE_SIZE));
    }

    /** The filtered trail as CSV (UTF-8 with a byte-order mark, so that spreadsheets read Chinese right). */
    @GetMapping("/audit/export")
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String action, @RequestParam(required = false) String entityId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        AuditFilter filter = new AuditFilter(actor, kind, action, entityId, from, to);
        auditLog.recordExport(filter);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + LocalDate.now(AuditLog.ZONE) + ".csv\"");
        var out = response.getWriter();
        out.write('\uFEFF');
        auditLog.exportCsv(filter, out);
        out.flush();
    }

    record RolesChange(List<String> roles) {
    }

    record Settings(Boolean noticeMail) {
    }
}
