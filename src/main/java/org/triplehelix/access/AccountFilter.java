package org.triplehelix.access;

/** Filters of the users list: a text found in the email or name, a role, a status; each may be null. */
public record AccountFilter(String query, Role role, AccountStatus status) {

    public static final AccountFilter NONE = new AccountFilter(null, null, null);

    public AccountFilter {
        query = query == null || query.isBlank() ? null : query.strip();
    }
}
