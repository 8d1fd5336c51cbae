package org.triplehelix.facility.web;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.triplehelix.access.DataScope;
import org.triplehelix.facility.BookingConflictException;
import org.triplehelix.facility.SeriesRefusedException;
import org.triplehelix.facility.TrainingRequiredException;

/**
 * What this module's API adds to the shared error mapping ({@code ApiErrors} does the rest): a
 * 409 names the slot in the way ({@code conflict}) or reports a weekly request's occurrences
 * ({@code occurrences}); a missing training is a 403 that says so; a denial to a caller who has
 * not signed in is a 401 (sign in), not a 403.
 */
@RestControllerAdvice(basePackageClasses = FacilityApiErrors.class, annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FacilityApiErrors {

    private final DataScope scope;

    FacilityApiErrors(DataScope scope) {
        this.scope = scope;
    }

    @ExceptionHandler(BookingConflictException.class)
    ProblemDetail conflict(BookingConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        problem.setProperty("conflict", e.conflict());
        return problem;
    }

    @ExceptionHandler(SeriesRefusedException.class)
    ProblemDetail series(SeriesRefusedException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        problem.setProperty("occurrences", e.report().occurrences());
        problem.setProperty("skipConflicts", e.report().skipConflicts());
        return problem;
    }

    @ExceptionHandler(TrainingRequiredException.class)
    ProblemDetail training(TrainingRequiredException e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
        problem.setProperty("reason", "training-required");
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        if (scope.currentUser().isEmpty() && !scope.isOperator()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Triple Helix\", charset=\"UTF-8\"")
                    .body(problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "sign in: HTTP Basic with your account's email and password"));
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "Forbidden", "you may not do this"));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
