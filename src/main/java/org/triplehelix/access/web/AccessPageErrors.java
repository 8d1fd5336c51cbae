package org.triplehelix.access.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;

/**
 * The access pages' errors with an honest status, rendered by the application's error page
 * (no message, no trace); 403 is Spring Security's own.
 */
@ControllerAdvice(assignableTypes = {UserAdminController.class, AuditController.class, RegistrationController.class,
        PasswordController.class, SignInController.class})
class AccessPageErrors {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(InvalidInputException.class)
    void invalid(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    @ExceptionHandler(ConflictException.class)
    void conflict(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_CONFLICT);
    }
}
