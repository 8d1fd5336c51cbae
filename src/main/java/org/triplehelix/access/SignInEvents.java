package org.triplehelix.access;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.triplehelix.shared.AuditableChange;

/**
 * Counts failed sign-ins (form and HTTP Basic alike) and locks an account by the
 * {@link LockoutRule}; the lock is audited. A success resets the count; a sign-in through the
 * form is audited too (API calls with HTTP Basic are not, one row per call would drown the trail).
 */
@Component
class SignInEvents {

    private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;

    SignInEvents(AccountRepository accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        String email = AccountDetailsService.normalized(event.getAuthentication().getName());
        accounts.countFailure(email).ifPresent(attempts -> {
            LockoutRule.Outcome outcome = LockoutRule.afterFailure(attempts.failedAttempts(), Instant.now());
            if (outcome.locks()) {
                accounts.lock(attempts.userId(), outcome.failedAttempts(), outcome.lockedUntil());
                log.warn("Account {} locked until {} after {} failed sign-ins", attempts.userId(), outcome.lockedUntil(),
                        LockoutRule.MAX_FAILED_ATTEMPTS);
                events.publishEvent(new AuditableChange("lock", UserAccounts.KIND, String.valueOf(attempts.userId()),
                        lockState(attempts.failedAttempts() - 1, attempts.lockedUntil()),
                        lockState(outcome.failedAttempts(), outcome.lockedUntil())));
            }
        });
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            accounts.resetFailures(principal.user().id());
        }
    }

    /** Called by the sign-in form's success handler. */
    @Transactional
    public void signedIn(Authentication authentication) {
        if (authentication.getPrincipal() instanceof AccountPrincipal principal) {
            events.publishEvent(new AuditableChange("sign-in", UserAccounts.KIND, String.valueOf(principal.user().id()), null, null));
        }
    }

    private static Map<String, Object> lockState(int failedAttempts, Instant lockedUntil) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("failedAttempts", failedAttempts);
        state.put("lockedUntil", lockedUntil == null ? null : lockedUntil.toString());
        return state;
    }
}
