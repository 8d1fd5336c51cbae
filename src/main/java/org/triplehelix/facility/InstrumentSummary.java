package org.triplehelix.facility;

import java.math.BigDecimal;
import org.triplehelix.shared.Text;

/** A line of the instrument list and of {@code GET /api/v1/instruments?q=}. */
public record InstrumentSummary(String id, String type, Text name, String organizationId, Text organizationName,
                                Text location, String model, String maker, FeeUnit feeUnit, BigDecimal internalRate,
                                BigDecimal externalRate, boolean approvalRequired, boolean trainingRequired,
                                boolean illustrative, double score) {
}
