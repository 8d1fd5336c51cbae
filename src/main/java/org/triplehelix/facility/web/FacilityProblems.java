package org.triplehelix.facility.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.triplehelix.facility.BookingConflictException;
import org.triplehelix.facility.SeriesRefusedException;
import org.triplehelix.facility.TrainingRequiredException;

/**
 * What this module's API controllers add to the shared error mapping ({@code ApiErrors} does the
 * rest): a 409 names the slot in the way ({@code conflict}) or reports a weekly request's
 * occurrences ({@code occurrences}); a missing training is a 403 that says so. Handlers of the
 * controllers themselves (through this base class) come before any advice.
 */
abstract class FacilityProblems {

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

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
