package org.triplehelix.access;

/**
 * A visitor's request for an account (ENTERPRISE or RESEARCHER), held pending until an
 * administrator or the organization's administrator approves it. {@code organization} is an
 * organization's external id or its exact name, and may be blank.
 */
public record Registration(String email, String name, Role role, String organization, String password) {
}
