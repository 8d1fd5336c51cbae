package org.triplehelix.access;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The platform itself at work (the demo loader, background jobs): every right, audited as
 * {@code system}. Set only by {@link DataScope#asSystem}, never from a request.
 */
final class SystemAuthentication extends AbstractAuthenticationToken {

    static final String NAME = "system";

    SystemAuthentication() {
        super(List.of(new SimpleGrantedAuthority(Role.ADMIN.authority())));
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return NAME;
    }
}
