package org.triplehelix.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session signed in earlier follows the account as it is now: a user disabled by an
 * administrator is signed out at their next request, and new roles or a new organization take
 * effect at once (one primary-key lookup per signed-in request).
 */
final class AccountRefreshFilter extends OncePerRequestFilter {

    private final AccountRepository accounts;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

    AccountRefreshFilter(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication authentication = context.getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal signedIn) {
            Optional<AccountPrincipal> now = accounts.principal(signedIn.user().id());
            if (now.isEmpty() || !now.get().isEnabled()) {
                signOut.logout(request, response, authentication);
            } else if (!now.get().user().equals(signedIn.user())) {
                SecurityContext refreshed = SecurityContextHolder.createEmptyContext();
                refreshed.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now.get(), null, now.get().getAuthorities()));
                SecurityContextHolder.setContext(refreshed);
                sessions.saveContext(refreshed, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
