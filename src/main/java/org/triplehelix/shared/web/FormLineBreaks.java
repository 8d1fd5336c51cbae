package org.triplehelix.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form's line breaks as one character each. A browser sends a textarea's line breaks as CR LF
 * (HTML's form submission) but counts each as one character against the box's {@code maxlength};
 * counted as two by the server, a text the box let through was refused as too long. Every form field
 * is read with its CR LF (and a lone CR) as LF, so the server counts what the browser counted and
 * stores one kind of line break. JSON bodies (the API) are not forms and are left as sent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // after the character encoding filter, before security reads the CSRF field
class FormLineBreaks extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean form = type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
        chain.doFilter(form ? new Normalized(request) : request, response);
    }

    static String lf(String value) {
        return value == null || value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static final class Normalized extends HttpServletRequestWrapper {

        Normalized(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return lf(super.getParameter(name));
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = super.getParameterValues(name);
            return values == null ? null : Arrays.stream(values).map(FormLineBreaks::lf).toArray(String[]::new);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> normalized = new LinkedHashMap<>();
            super.getParameterMap().forEach((name, values) ->
                    normalized.put(name, Arrays.stream(values).map(FormLineBreaks::lf).toArray(String[]::new)));
            return java.util.Collections.unmodifiableMap(normalized);
        }
    }
}
