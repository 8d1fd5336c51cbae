package org.triplehelix.shared.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Addresses refused before any controller sees them get the platform's answers, not the servlet
 * container's own HTML page: a problem detail ({@code application/problem+json}) under
 * {@code /api/}, the error page in the reader's language elsewhere. The request stays refused
 * (400); nothing here lets such a path through.
 *
 * <p>Two places refuse them. Tomcat's connector refuses a path with an encoded slash
 * ({@code %2F}, its {@code encodedSolidusHandling} is left at {@code reject}) or a NUL
 * ({@code %00}, always) while it decodes the address, before the request is mapped to the
 * application: no filter, no Spring MVC and no error page of the application runs, and the host's
 * {@link ErrorReportValve} writes the answer; it is replaced by {@link ReportValve}. Spring Security's
 * firewall refuses what Tomcat lets through ({@code %25}, {@code %5C}, {@code ;}, {@code //}, …) with
 * a {@code RequestRejectedException}, answered by {@link #requestRejectedHandler}.
 */
@Configuration(proxyBeanMethods = false)
class RefusedAddresses {

    private static final Logger log = LoggerFactory.getLogger(RefusedAddresses.class);
    /** The request attribute that marks a request the firewall refused, for the error page's reason. */
    static final String REFUSED = RefusedAddresses.class.getName() + ".refused";
    /** What the error page says of a refused address. */
    static final String REASON_KEY = "web.error.address";
    static final String DETAIL = "the address is refused: its path holds an encoded slash, backslash or percent sign, "
            + "a control character or a path parameter";
    /**
     * The error page loads the platform's own style sheet, scripts, icons and fonts only and may not be framed
     * (Spring Security's headers, which give the other pages theirs, never ran for it).
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'; frame-ancestors 'none'";

    @Bean
    ReportValveCustomizer refusedAddressReports(ObjectProvider<TemplateEngine> templates, ObjectProvider<MessageSource> messages,
            ObjectProvider<LocaleResolver> locales) {
        return new ReportValveCustomizer(new ErrorPages(templates, messages, locales));
    }

    /** After Spring Boot's customizer, which adds a plain error report valve to the host. */
    record ReportValveCustomizer(ErrorPages pages) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> replaceReportValve(context.getParent(), new ReportValve(pages)));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /**
     * The firewall's refusal, answered before Spring Security's filters (and so its headers) run. Outside the API the
     * error page is written here, whatever the request accepts: the error dispatch would give it only to a request that
     * asks for HTML, and Spring Boot's own JSON (without the platform's headers) to any other.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectProvider<TemplateEngine> templates, ObjectProvider<MessageSource> messages,
            ObjectProvider<LocaleResolver> locales) {
        ErrorPages pages = new ErrorPages(templates, messages, locales);
        return (request, response, rejected) -> {
            log.debug("Refused {}: {}", request.getRequestURI(), rejected.getMessage());
            if (isApi(request.getRequestURI())) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8);
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Cache-Control", "no-store");
                response.getWriter().write(problem(HttpStatus.BAD_REQUEST));
                return;
            }
            String page;
            try {
                page = pages.render(request, HttpStatus.BAD_REQUEST.value());
            } catch (RuntimeException e) {
                log.warn("Could not render the error page for a refused request to {}: {}", request.getRequestURI(), e.toString());
                request.setAttribute(REFUSED, Boolean.TRUE);
                response.sendError(HttpStatus.BAD_REQUEST.value()); // the error page, through the error dispatch, if it can
                return;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            writePageHeaders(response);
            response.getWriter().write(page);
        };
    }

    /** The headers of an error page written outside Spring Security's filters. */
    static void writePageHeaders(HttpServletResponse response) {
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Cache-Control", "no-store");
    }

    private static void replaceReportValve(Container host, ReportValve valve) {
        for (org.apache.catalina.Valve present : host.getPipeline().getValves()) {
            if (present instanceof ErrorReportValve) {
                host.getPipeline().removeValve(present);
            }
        }
        host.getPipeline().addValve(valve);
        if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ReportValve.class.getName()); // else the host adds Tomcat's own again when it starts
        }
    }

    static boolean isApi(String uri) {
        return uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
    }

    /** A problem detail of fixed words: nothing of the refused address is echoed. */
    static String problem(HttpStatus status) {
        String detail = status == HttpStatus.BAD_REQUEST ? DETAIL : "the request cannot be served";
        return "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\",\"field\":\"path\"}";
    }

    /** The platform's error page, rendered without the application's request handling (which never ran). */
    record ErrorPages(ObjectProvider<TemplateEngine> templates, ObjectProvider<MessageSource> messages,
                      ObjectProvider<LocaleResolver> locales) {

        String render(HttpServletRequest request, int status) {
            LocaleResolver resolver = locales.getIfAvailable();
            Locale locale = resolver == null ? Locale.SIMPLIFIED_CHINESE : resolver.resolveLocale(request);
            Map<String, Object> model = new HashMap<>();
            model.put("ctx", new PageContext(locale, messages.getObject(), request));
            model.put("status", status);
            if (status == HttpStatus.BAD_REQUEST.value()) {
                model.put("reason", ((PageContext) model.get("ctx")).msg(REASON_KEY));
            }
            StringOutput page = new StringOutput();
            templates.getObject().render(PageErrors.VIEW + ".jte", model, page);
            return page.toString();
        }
    }

    /**
     * The host's error report: what Tomcat refused or failed before the application ran, answered
     * as the platform answers. What the application wrote itself (its problem details, its error
     * page) is left alone, as Tomcat's own valve leaves it.
     */
    static final class ReportValve extends ErrorReportValve {

        private final ErrorPages pages;

        ReportValve(ErrorPages pages) {
            this.pages = pages;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            try {
                String body;
                if (isApi(request.getRequestURI())) {
                    body = problem(known == null ? HttpStatus.BAD_REQUEST : known);
                    response.setContentType("application/problem+json");
                } else {
                    body = pages.render(request, status);
                    writePageHeaders(response);
                }
                response.setCharacterEncoding(StandardCharsets.UTF_8);
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Cache-Control", "no-store");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not answer a refused request to {}: {}", request.getRequestURI(), e.toString());
            }
        }
    }
}
