package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What an applicant learns after the award: its status, its rank, and each review with the
 * scores and comment, the reviewer named only "Reviewer 1", "Reviewer 2"… (anonymous).
 */
public record Feedback(long applicationId, String status, Integer rank, BigDecimal average, List<Review> reviews) {

    public record Review(String reviewer, Map<String, Integer> scores, BigDecimal total, String comment) {
    }
}
