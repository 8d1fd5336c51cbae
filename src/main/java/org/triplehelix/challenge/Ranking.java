package org.triplehelix.challenge;

import java.math.BigDecimal;
import org.triplehelix.shared.Text;

/** An application's place in the ranking: the mean of its reviewers' weighted totals. */
public record Ranking(int rank, long applicationId, Text lead, int reviews, BigDecimal average, String status) {
}
