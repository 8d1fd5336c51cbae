package org.triplehelix.access;

import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads an account for sign-in by its email (the form's "email" and HTTP Basic's user name).
 * Being a bean, it also keeps Spring Boot from making its default in-memory user.
 */
@Component
class AccountDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AccountRepository accounts;

    AccountDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return accounts.principal(normalized(email)).orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** Re-encodes a password hash made with an older algorithm or strength, at a successful sign-in. */
    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        accounts.upgradePasswordHash(user.getUsername(), newPasswordHash);
        return loadUserByUsername(user.getUsername());
    }

    static String normalized(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
