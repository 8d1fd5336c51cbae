package org.triplehelix.shared.web;

import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.ExplainedDenial;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * The one mapping of errors to RFC 9457 problem details for the JSON API: 400 with the field at
 * fault, 403, 404, 409, and 500 with a trace id and nothing internal.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before Boot's ProblemDetailsExceptionHandler, so that `field` is always given
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        var error = e.getBindingResult().getFieldErrors().stream().findFirst();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input",
                error.map(f -> f.getField() + ": " + f.getDefaultMessage()).orElse("invalid request"));
        error.ifPresent(f -> problem.setProperty("field", f.getField()));
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail invalid(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getName() + " has the wrong format");
        problem.setProperty("field", e.getName());
        return problem;
    }

    /**
     * A body that cannot be read as the endpoint's type. A value refused by its record's own checks
     * names its field as any bad input does; a value of the wrong type names its path in the body
     * ({@code targets[0].threshold}) and what it should be; JSON that does not parse says where it broke.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        BodyTooLargeException tooLarge = cause(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        InvalidInputException refused = cause(e, InvalidInputException.class);
        if (refused != null) {
            return invalid(refused);
        }
        JacksonException jackson = cause(e, JacksonException.class);
        InvalidInputException wrongType = jackson == null ? null : JsonRefusal.of(jackson);
        if (wrongType != null) {
            return invalid(wrongType);
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", jackson instanceof StreamReadException broken
                && broken.getLocation() != null && broken.getLocation().getLineNr() > 0
                ? "the request body is not valid JSON (line " + broken.getLocation().getLineNr() + ", column "
                        + broken.getLocation().getColumnNr() + ")"
                : "the request body is not valid JSON of the expected shape");
        problem.setProperty("field", "body");
        return problem;
    }

    /** A body streamed past the limit (one announced larger is refused before it is read, in the same words). */
    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail tooLarge(BodyTooLargeException e) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large", e.getMessage());
        problem.setProperty("field", "body");
        return problem;
    }

    /** A required query parameter or multipart part that is missing names itself, like any other bad input. */
    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class})
    ProblemDetail missing(Exception e) {
        String name = e instanceof MissingServletRequestParameterException parameter ? parameter.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", name + " is required");
        problem.setProperty("field", name);
        return problem;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    @ExceptionHandler(org.triplehelix.shared.UnavailableException.class)
    ProblemDetail unavailable(org.triplehelix.shared.UnavailableException e) {
        org.slf4j.LoggerFactory.getLogger(ApiErrors.class).warn("{} unavailable: {}", e.service(), e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", "the " + e.service() + " service is unavailable; try again later");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no such resource");
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        e.details().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken) {
            return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "sign in first");
        }
        if (e instanceof ExplainedDenial explained) {
            ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Forbidden", explained.getMessage());
            problem.setProperty("reason", explained.reason());
            return problem;
        }
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "you may not do this");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (e instanceof ErrorResponse standard) { // Spring MVC's own: 405, 406, 415, missing parameter…
            return standard.getBody();
        }
        String traceId = UUID.randomUUID().toString();
        log.error("Unexpected error, trace id {}", traceId, e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "something went wrong on our side; quote trace id " + traceId);
        problem.setProperty("traceId", traceId);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
