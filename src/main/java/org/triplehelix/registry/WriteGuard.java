package org.triplehelix.registry;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may change the registry: the one place each write of {@link RegistryWriter} asks. For now a
 * signed-in user; roles and the data scope (a user's own organization and its children) go here.
 */
@Component
class WriteGuard {

    void checkWrite(RecordKind kind, String extId) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("sign in to change " + kind.interchangeName() + " " + extId);
        }
    }
}
