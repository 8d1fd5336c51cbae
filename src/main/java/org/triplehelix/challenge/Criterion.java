package org.triplehelix.challenge;

import org.triplehelix.shared.InvalidInputException;

/** One criterion of a challenge's review rubric, with its weight (the weights of a rubric add up to 100). */
public record Criterion(String code, String zh, String en, int weight) {

    /** The longest name of a criterion, in either language. */
    public static final int MAX_NAME = 100;

    public Criterion {
        if (code == null || !code.matches("[a-z][a-z0-9-]{0,30}")) {
            throw new InvalidInputException("rubric", "a criterion's code is lower-case letters, digits and dashes",
                    "challenge.error.rubric.code", code);
        }
        if (zh != null && zh.length() > MAX_NAME || en != null && en.length() > MAX_NAME) {
            throw new InvalidInputException("rubric", "a criterion's name is at most " + MAX_NAME + " characters", "challenge.error.rubric.name",
                    MAX_NAME);
        }
        if (weight < 1 || weight > 100) {
            throw new InvalidInputException("rubric", "a criterion's weight is 1 to 100", "challenge.error.rubric.weight", weight);
        }
    }

    /** The default rubric: technical merit, team capability, feasibility and plan, budget. */
    static final java.util.List<Criterion> DEFAULT = java.util.List.of(
            new Criterion("merit", "技术先进性", "Technical merit", 40),
            new Criterion("team", "团队能力", "Team capability", 30),
            new Criterion("feasibility", "方案可行性", "Feasibility of the plan", 20),
            new Criterion("budget", "经费合理性", "Soundness of the budget", 10));
}
