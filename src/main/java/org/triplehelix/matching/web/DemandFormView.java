package org.triplehelix.matching.web;

import java.util.List;

/** What the demand form page shows: the form, the demand it edits (null for a new one), the error if any. */
public record DemandFormView(DemandForm form, String extId, String error, String errorField, boolean canPost) {

    public static final List<String> VISIBILITIES = List.of("public", "signed_in", "parties");
    public static final List<String> IP_STANCES = List.of("transfer", "license", "joint_development", "commissioned", "negotiable");
}
