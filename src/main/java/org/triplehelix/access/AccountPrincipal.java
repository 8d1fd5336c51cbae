package org.triplehelix.access;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** An account as Spring Security holds it: the {@link CurrentUser} plus what sign-in checks. */
final class AccountPrincipal implements UserDetails, CredentialsContainer {

    private final CurrentUser user;
    private final AccountStatus status;
    private final Instant lockedUntil;
    private String passwordHash;

    AccountPrincipal(CurrentUser user, AccountStatus status, Instant lockedUntil, String passwordHash) {
        this.user = user;
        this.status = status;
        this.lockedUntil = lockedUntil;
        this.passwordHash = passwordHash;
    }

    CurrentUser user() {
        return user;
    }

    AccountStatus status() {
        return status;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    List<String> authorityNames() {
        return user.roles().stream().map(Role::authority).sorted().toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.email();
    }

    /** Pending and disabled accounts cannot sign in. */
    @Override
    public boolean isEnabled() {
        return status == AccountStatus.ACTIVE;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(Instant.now());
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + user.id() + ", " + user.email() + ", " + user.roles() + "]";
    }
}
