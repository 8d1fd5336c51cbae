package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.triplehelix.shared.InvalidInputException;

/** A new challenge as posted: what it solves, for which technology, its targets, budget or reward, terms and deadline. */
public record ChallengeDraft(String titleZh, String titleEn, String problemZh, String problemEn, String technologyCode,
                             String industryCode, BigDecimal budget, Integer durationMonths, String eligibility, String ipTerms,
                             Instant deadline, List<Target> targets, List<Criterion> rubric) {

    /** A budget or reward is below 10^14 yuan: the column is numeric(16, 2), and a larger amount is a typing error anyway. */
    static final BigDecimal MAX_BUDGET = BigDecimal.TEN.pow(14);

    /**
     * The longest title in either language, in characters (as the browser counts, UTF-16 units): the form's
     * inputs say it ({@code maxlength}) and the API and the form are refused beyond it alike.
     */
    public static final int MAX_TITLE = 200;
    /** The longest problem statement in either language: a few pages; the details go in the attachments of the call. */
    public static final int MAX_PROBLEM = 10_000;
    /** The longest intellectual property terms. */
    public static final int MAX_IP_TERMS = 5_000;

    public ChallengeDraft {
        titleZh = blankToNull(titleZh);
        titleEn = blankToNull(titleEn);
        problemZh = blankToNull(problemZh);
        problemEn = blankToNull(problemEn);
        technologyCode = blankToNull(technologyCode);
        industryCode = blankToNull(industryCode);
        ipTerms = blankToNull(ipTerms);
        eligibility = blankToNull(eligibility) == null ? "any" : eligibility.strip();
        refuseLonger("titleZh", titleZh, MAX_TITLE);
        refuseLonger("titleEn", titleEn, MAX_TITLE);
        refuseLonger("problemZh", problemZh, MAX_PROBLEM);
        refuseLonger("problemEn", problemEn, MAX_PROBLEM);
        refuseLonger("ipTerms", ipTerms, MAX_IP_TERMS);
        if (titleZh == null && titleEn == null) {
            throw new InvalidInputException("title", "give the challenge a title in Chinese or English", "challenge.error.title");
        }
        if (problemZh == null && problemEn == null) {
            throw new InvalidInputException("problem", "describe the problem in Chinese or English", "challenge.error.problem");
        }
        if (technologyCode == null && industryCode == null) {
            throw new InvalidInputException("technology", "name the key core technology or the industry the challenge serves",
                    "challenge.error.technology");
        }
        if (budget == null || budget.signum() < 0) {
            throw new InvalidInputException("budget", "the budget or reward is an amount in yuan, zero or more", "challenge.error.budget");
        }
        if (budget.compareTo(MAX_BUDGET) >= 0) {
            throw new InvalidInputException("budget", "the budget or reward is less than 10^14 yuan", "challenge.error.budgetLarge");
        }
        if (durationMonths == null || durationMonths < 1 || durationMonths > 120) {
            throw new InvalidInputException("durationMonths", "the duration is 1 to 120 months", "challenge.error.durationMonths");
        }
        if (!eligibility.equals("any") && !eligibility.equals("enterprise_and_academic")) {
            throw new InvalidInputException("eligibility", "any or enterprise_and_academic", "challenge.error.eligibility");
        }
        if (deadline == null) {
            throw new InvalidInputException("deadline", "give the application deadline", "challenge.error.deadline");
        }
        if (targets == null || targets.isEmpty() || targets.size() > 20) {
            throw new InvalidInputException("targets", "give 1 to 20 measurable targets", "challenge.error.targetsCount");
        }
        rubric = rubric == null || rubric.isEmpty() ? Criterion.DEFAULT : List.copyOf(rubric);
        if (rubric.stream().mapToInt(Criterion::weight).sum() != 100) {
            throw new InvalidInputException("rubric", "the rubric's weights add up to 100", "challenge.error.rubric.sum",
                    rubric.stream().mapToInt(Criterion::weight).sum());
        }
        if (rubric.stream().map(Criterion::code).distinct().count() != rubric.size()) {
            throw new InvalidInputException("rubric", "each criterion has its own code", "challenge.error.rubric.duplicate");
        }
        targets = List.copyOf(targets);
    }

    /** Refuses a text longer than {@code max} characters, naming its field (400 on the API, marked on the form). */
    static void refuseLonger(String field, String value, int max) {
        refuseLonger(field, value, max, "challenge.error.tooLong");
    }

    /** The same with the message key that says which text of a group of inputs is too long. */
    static void refuseLonger(String field, String value, int max, String key) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, field + " is at most " + max + " characters (" + value.length() + " given)", key, max);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
