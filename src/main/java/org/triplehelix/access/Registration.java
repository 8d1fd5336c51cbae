package org.triplehelix.access;

import java.util.Locale;

/**
 * A visitor's request for an account (ENTERPRISE or RESEARCHER), held pending until an
 * administrator or the organization's administrator approves it. {@code organization} is an
 * organization's external id or its exact name, and may be blank. {@code language} is the
 * language of the page the form was sent from, kept for the e-mails the registrant is sent; null
 * when unknown (they are then written in both).
 */
public record Registration(String email, String name, Role role, String organization, String password, Locale language) {
}
