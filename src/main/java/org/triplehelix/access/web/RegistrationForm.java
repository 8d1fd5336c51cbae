package org.triplehelix.access.web;

/** What a visitor typed into the registration form, shown again after an error (never the password). */
public record RegistrationForm(String email, String name, String role, String organization) {

    static final RegistrationForm EMPTY = new RegistrationForm("", "", "ENTERPRISE", "");
}
