package org.triplehelix.facility;

import org.triplehelix.shared.ExplainedDenial;
import org.springframework.security.access.AccessDeniedException;

/** The instrument requires training and the user has no valid training record: HTTP 403 saying so. */
public class TrainingRequiredException extends AccessDeniedException implements ExplainedDenial {

    public TrainingRequiredException(String instrumentName) {
        super("a valid training record on " + instrumentName + " is required to book it; ask its managers");
    }

    @Override
    public String reason() {
        return "training-required";
    }
}
