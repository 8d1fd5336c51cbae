package org.triplehelix.access;

import org.triplehelix.shared.Text;

/** An organization offered when registering: its external id and name. */
public record OrganizationChoice(String extId, Text name) {
}
