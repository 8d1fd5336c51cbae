package org.triplehelix.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;

/**
 * Errors on pages become the error page ({@code error/page.jte}) in the reader's language, never
 * a raw error or a stack trace: 400, 403, 404, 409, and 500 with a trace id that is logged.
 *
 * <p>Two ways in. Exceptions thrown by a page controller come here as a
 * {@link HandlerExceptionResolver} ordered after Spring MVC's own (so a module's
 * {@code @ControllerAdvice} and {@link ApiErrors} for {@code @RestController}s keep precedence;
 * an advice cannot be used here because {@code @ControllerAdvice(annotations = Controller.class)}
 * also matches every {@code @RestController}). Everything else that ends in the servlet
 * container's error dispatch (no such page, Spring Security's 403) comes as an
 * {@link ErrorViewResolver}, which Spring Boot asks only for requests that accept HTML; the JSON
 * API keeps its problem details. A browser asking for an address no controller or static file
 * answers is caught earlier still by {@link NoSuchPage}, as is a page's parameter that is not of its type
 * or missing: Spring Boot's problem-details advice would otherwise answer them with JSON.
 */
@Component
class PageErrors implements HandlerExceptionResolver, ErrorViewResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);
    static final String VIEW = "error/page";

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!(handler instanceof HandlerMethod method) || isApi(method)
                || e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            return null; // the API's problem details, or Spring Security (sign in, else 403 through the error dispatch)
        }
        HttpStatus status = statusOf(e);
        String traceId = null;
        if (status.is5xxServerError()) {
            traceId = UUID.randomUUID().toString();
            log.error("Unexpected error on {}, trace id {}", request.getRequestURI(), traceId, e);
        }
        response.setStatus(status.value());
        Map<String, Object> model = model(request, request, status, traceId);
        model.put("reason", reasonOf(e, (PageContext) model.get("ctx")));
        return new ModelAndView(VIEW, model, status);
    }

    /**
     * A refusal or a conflict that says itself in the reader's language (it has a message key); a parameter, path
     * variable or form field that is missing or not of its type, named with the value given; else null.
     */
    private static String reasonOf(Exception e, PageContext ctx) {
        return switch (e) {
            case ConflictException conflict when conflict.key() != null -> ctx.msg(conflict.key(), conflict.args());
            case InvalidInputException invalid when invalid.key() != null -> ctx.msg(invalid.key(), invalid.args());
            case MethodArgumentTypeMismatchException mismatch -> ctx.msg("web.error.parameter", mismatch.getName(), shown(mismatch.getValue()));
            case TypeMismatchException mismatch when mismatch.getPropertyName() != null ->
                    ctx.msg("web.error.parameter", mismatch.getPropertyName(), shown(mismatch.getValue()));
            case BindException binding when binding.getFieldError() != null ->
                    ctx.msg("web.error.parameter", binding.getFieldError().getField(), shown(binding.getFieldError().getRejectedValue()));
            case MissingServletRequestParameterException missing -> ctx.msg("web.error.parameterMissing", missing.getParameterName());
            case MissingServletRequestPartException missing -> ctx.msg("web.error.parameterMissing", missing.getRequestPartName());
            default -> null;
        };
    }

    /** A value as the reader typed it, cut short and without control characters (the page escapes it). */
    static String shown(Object value) {
        String text = value instanceof Object[] values && values.length > 0 ? String.valueOf(values[0])
                : value == null ? "" : String.valueOf(value);
        text = text.codePoints().limit(41).map(c -> Character.isISOControl(c) ? '\uFFFD' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return text.codePointCount(0, text.length()) > 40 ? text.substring(0, text.offsetByCodePoints(0, 40)) + "…" : text;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> attributes) {
        String traceId = null;
        if (status.is5xxServerError()) {
            traceId = UUID.randomUUID().toString();
            log.error("Error {} on {}, trace id {}", status.value(), request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), traceId,
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        Map<String, Object> model = model(request, new OriginalRequest(request), status, traceId);
        if (request.getAttribute(RefusedAddresses.REFUSED) != null) { // the firewall refused the address
            model.put("reason", ((PageContext) model.get("ctx")).msg(RefusedAddresses.REASON_KEY));
        }
        return new ModelAndView(VIEW, model, status);
    }

    /**
     * An address that no handler answers (no such page, a method the page does not take), asked by
     * a browser outside the API: the error page instead of a JSON problem.
     */
    @Component
    static class NoSuchPage implements HandlerExceptionResolver, Ordered {

        private final PageErrors pages;

        NoSuchPage(PageErrors pages) {
            this.pages = pages;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 10; // after Spring Boot's error attributes, before the advices
        }

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
            if (handler instanceof HandlerMethod method && !isApi(method) && isRequestError(e)) {
                // a page's parameter that is not of its type (?year=abc) or is missing: Spring Boot's problem-details
                // advice, which runs before PageErrors, would answer a browser with JSON in English
                return pages.resolveException(request, response, handler, e);
            }
            boolean noHandler = handler == null || handler instanceof ResourceHttpRequestHandler;
            if (!noHandler || !(e instanceof ErrorResponse) || request.getRequestURI().startsWith("/api/") || !acceptsHtml(request)) {
                return null;
            }
            HttpStatus status = statusOf(e);
            response.setStatus(status.value());
            return new ModelAndView(VIEW, pages.model(request, request, status, null), status);
        }

        /** What Spring MVC raises for a request a page's method cannot take: its problem-details advice would answer. */
        private static boolean isRequestError(Exception e) {
            return e instanceof ErrorResponse || e instanceof TypeMismatchException || e instanceof HttpMessageNotReadableException
                    || e instanceof BindException;
        }

        private static boolean acceptsHtml(HttpServletRequest request) {
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            try {
                return accept != null && MediaType.parseMediaTypes(accept).stream()
                        .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
            } catch (InvalidMediaTypeException invalid) {
                return false;
            }
        }
    }

    private Map<String, Object> model(HttpServletRequest request, HttpServletRequest shown, HttpStatus status, String traceId) {
        PageContext ctx = new PageContext(RequestContextUtils.getLocale(request), messages, shown);
        Map<String, Object> model = new HashMap<>();
        model.put("ctx", ctx);
        model.put("status", status.value());
        model.put("traceId", traceId);
        return model;
    }

    private static boolean isApi(HandlerMethod method) {
        return method.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class);
    }

    static HttpStatus statusOf(Exception e) {
        return switch (e) {
            case NotFoundException notFound -> HttpStatus.NOT_FOUND;
            case InvalidInputException invalid -> HttpStatus.BAD_REQUEST;
            case ConflictException conflict -> HttpStatus.CONFLICT;
            case TypeMismatchException mismatch -> HttpStatus.BAD_REQUEST;
            case BindException binding -> HttpStatus.BAD_REQUEST;
            case HttpMessageNotReadableException unreadable -> HttpStatus.BAD_REQUEST;
            case ErrorResponse response -> HttpStatus.valueOf(response.getStatusCode().value());
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** The request as the reader made it, so that the language switch on an error page points back to it. */
    private static final class OriginalRequest extends HttpServletRequestWrapper {

        OriginalRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            Object uri = getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return uri instanceof String original ? original : super.getRequestURI();
        }
    }
}
