package org.triplehelix.access.web;

import org.triplehelix.shared.Text;

/**
 * What a visitor typed into the registration form, shown again after an error (never the password). The
 * organization is picked by name: {@code organization} is the id its hidden field carries, {@code organizationName}
 * what the box shows (typed, else the picked organization's name, else empty).
 */
public record RegistrationForm(String email, String name, String role, String organization, String organizationName) {

    static final RegistrationForm EMPTY = new RegistrationForm("", "", "ENTERPRISE", "", "");

    RegistrationForm withOrganizationName(String shown) {
        return new RegistrationForm(email, name, role, organization, shown);
    }

    /** The name the box shows in the page's language: as typed, else the picked organization's. */
    public String organizationShown(org.triplehelix.shared.web.PageContext ctx, Text picked) {
        return organizationName != null ? organizationName : picked == null ? "" : ctx.text(picked);
    }
}
