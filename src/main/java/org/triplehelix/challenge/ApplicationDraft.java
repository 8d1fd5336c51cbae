package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.triplehelix.shared.InvalidInputException;

/**
 * An application: the lead organization (the applicant's own by default), partner organizations
 * and named people by their registry ids, the technical plan and the commitment against each
 * target (by the target's position).
 */
public record ApplicationDraft(String leadOrganization, List<String> partners, List<String> people, String plan,
                               Map<Integer, BigDecimal> commitments) {

    public ApplicationDraft {
        if (plan == null || plan.isBlank()) {
            throw new InvalidInputException("plan", "describe the technical plan", "challenge.apply.error.plan");
        }
        if (plan.length() > 20_000) {
            throw new InvalidInputException("plan", "the plan is at most 20,000 characters; attach the rest",
                    "challenge.apply.error.planLong");
        }
        plan = plan.strip();
        leadOrganization = leadOrganization == null || leadOrganization.isBlank() ? null : leadOrganization.strip();
        partners = clean(partners);
        people = clean(people);
        commitments = commitments == null ? Map.of() : commitments.entrySet().stream().filter(c -> c.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)); // one left empty is missing
        if (partners.size() > 20 || people.size() > 50) {
            throw new InvalidInputException("partners", "at most 20 partner organizations and 50 people",
                    "challenge.apply.error.teamSize");
        }
    }

    private static List<String> clean(List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
    }
}
