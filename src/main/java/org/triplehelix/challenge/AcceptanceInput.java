package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.util.List;
import org.triplehelix.shared.InvalidInputException;

/**
 * Acceptance (验收): the result and evidence against every target, and the panel's verdict; a
 * pass accepts the challenge, a fail terminates it.
 */
public record AcceptanceInput(String verdict, String note, List<Evidence> evidence) {

    /** The longest conclusion of the panel. */
    public static final int MAX_NOTE = 5_000;
    /** The longest evidence of one target: what names the report or certificate, not its content. */
    public static final int MAX_EVIDENCE = 1_000;

    public AcceptanceInput {
        if (!"pass".equals(verdict) && !"fail".equals(verdict)) {
            throw new InvalidInputException("verdict", "the verdict is pass or fail", "challenge.error.acceptance.verdict");
        }
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "record the panel's conclusion", "challenge.error.acceptance.note");
        }
        ChallengeDraft.refuseLonger("note", note.strip(), MAX_NOTE);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The result against the target at {@code position}. */
    public record Evidence(int position, BigDecimal achieved, String evidence) {

        public Evidence {
            if (achieved == null) {
                throw new InvalidInputException("evidence", "give the achieved value of every target", "challenge.error.acceptance.achieved");
            }
            if (evidence == null || evidence.isBlank()) {
                throw new InvalidInputException("evidence", "name the evidence for every target (a test report, a certificate)",
                        "challenge.error.acceptance.evidence");
            }
            ChallengeDraft.refuseLonger("evidence", evidence.strip(), MAX_EVIDENCE, "challenge.error.acceptance.evidenceLong");
        }
    }
}
