package org.triplehelix.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 of the JSON API, written by the security filters as RFC 9457 problem details. */
final class ProblemResponses {

    static final String REALM = "Triple Helix";

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** No (valid) credentials: 401 with the Basic challenge, never a redirect to a page. */
    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "sign in: HTTP Basic with your account's email and password");
    }

    /** Denied: 403; but an anonymous write refused for its missing CSRF token is a missing sign-in, 401. */
    void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception) throws IOException {
        if (exception instanceof CsrfException && anonymous()) {
            unauthorized(request, response, null);
        } else {
            write(response, HttpStatus.FORBIDDEN, "Forbidden", "you may not do this");
        }
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static boolean anonymous() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated();
    }
}
