package org.triplehelix.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A technology demand (技术需求) an enterprise posted: what it needs solved (title, description,
 * keywords), in which industry and region, the budget it offers (CNY), the technology readiness level
 * it needs (TRL 1–9), how it wants the intellectual property handled, who may see it, until when.
 * The organization's name is its Chinese name (its English one when it has none), and its English name
 * apart for English pages.
 */
public record Demand(String extId, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                     List<String> keywords, String organization, String organizationName, String industry, String region,
                     BigDecimal budgetMin, BigDecimal budgetMax, Integer trl, IpStance ipStance, Visibility visibility,
                     LocalDate deadline, Status status, String createdBy, List<String> parties, Instant createdAt,
                     Instant updatedAt, int version, boolean illustrative, String organizationNameEn) {

    public enum Status {
        OPEN, CLOSED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Who may see a demand: everyone, signed-in users, or only its author and the parties it names. */
    public enum Visibility {
        PUBLIC, SIGNED_IN, PARTIES;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How the enterprise wants the intellectual property: transferred, licensed, developed jointly, commissioned, open to talks. */
    public enum IpStance {
        TRANSFER, LICENSE, JOINT_DEVELOPMENT, COMMISSIONED, NEGOTIABLE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String title() {
        return titleZh != null ? titleZh : titleEn;
    }

    /**
     * Title, keywords and description: the text a match starts from (and what is embedded), an
     * illustrative demand's without the demo's label ({@link IllustrativeLabel}). At most
     * {@link MatchRequest#MAX_TEXT} characters: each description may be that long, and a demand with two
     * long ones is matched on its titles, keywords and the start of its descriptions rather than refused.
     */
    public String matchText() {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {titleZh, titleEn, String.join("；", keywords), descriptionZh, descriptionEn}) {
            part = IllustrativeLabel.strip(part, illustrative);
            if (part != null && !part.isBlank()) {
                text.append(text.isEmpty() ? "" : "\n").append(part.strip());
            }
        }
        if (text.length() > MatchRequest.MAX_TEXT) {
            int end = Character.isHighSurrogate(text.charAt(MatchRequest.MAX_TEXT - 1)) ? MatchRequest.MAX_TEXT - 1 : MatchRequest.MAX_TEXT;
            text.setLength(end);
        }
        return text.toString();
    }

    /** This demand without the account that posted it (for a reader who may not know who that was). */
    public Demand withoutPoster() {
        return new Demand(extId, titleZh, titleEn, descriptionZh, descriptionEn, keywords, organization, organizationName, industry,
                region, budgetMin, budgetMax, trl, ipStance, visibility, deadline, status, null, parties, createdAt, updatedAt, version,
                illustrative, organizationNameEn);
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}
