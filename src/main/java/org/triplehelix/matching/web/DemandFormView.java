package org.triplehelix.matching.web;

import java.util.List;
import org.triplehelix.shared.web.FormErrors;

/**
 * What the demand form page shows: the form as typed, the demand it edits (null for a new one), a
 * message about the whole form (a conflict) and the refused fields.
 */
public record DemandFormView(DemandForm form, String extId, String error, FormErrors errors, boolean canPost) {

    public static final List<String> VISIBILITIES = List.of("public", "signed_in", "parties");
    public static final List<String> IP_STANCES = List.of("transfer", "license", "joint_development", "commissioned", "negotiable");
}
