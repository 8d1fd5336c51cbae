package org.triplehelix.challenge;

import java.util.Map;
import org.triplehelix.shared.InvalidInputException;

/** A reviewer's scores (0 to 100 for each criterion of the rubric) and comment. */
public record ScoreInput(Map<String, Integer> scores, String comment) {

    public ScoreInput {
        if (scores == null || scores.isEmpty()) {
            throw new InvalidInputException("scores", "score every criterion of the rubric", "challenge.error.score.missing");
        }
        scores.forEach((code, score) -> {
            if (score == null || score < 0 || score > 100) {
                throw new InvalidInputException("scores", "each score is 0 to 100 (" + code + ")", "challenge.error.score.range", code);
            }
        });
        scores = Map.copyOf(scores);
        comment = comment == null || comment.isBlank() ? null : comment.strip();
        if (comment != null && comment.length() > 5000) {
            throw new InvalidInputException("comment", "at most 5,000 characters", "challenge.error.score.comment");
        }
    }
}
