package org.triplehelix.matching;

import java.util.List;

/**
 * The label the demo writes into the text of its fictitious records, so that a reader never takes
 * them for real ones: "示例数据 / Illustrative:" before a description or an abstract, "（示例）" and
 * "(illustrative)" after a name or a title, and the placeholders of the facilities demo's instrument
 * profiles (location, model, maker). The pages show it; the matching must not read it: analyzed, it
 * made every illustrative record share the terms 示例, 数据 and "illustrative", so that an
 * illustrative demand found every illustrative expert "matched on 示例".
 *
 * <p>Only the exact strings are left out, and only of records flagged illustrative in the database
 * ({@link IndexDocument#illustrative()}, {@link Demand#illustrative()}): a real record that speaks of
 * 示例 keeps its words. The strings mirror the demo's ({@code registry/demo/IllustrativeSet.MARK},
 * {@code ChallengeDemo.LABEL}, {@code FacilityDemo}); a change there belongs here too.
 */
public final class IllustrativeLabel {

    /** Longest first, so that a label containing another goes whole. */
    static final List<String> LABELS = List.of("示例厂商 Illustrative Instruments", "示例数据 / Illustrative:", "（示例）",
            "(illustrative)", "示例地点：", "示例型号", "Illustrative:");

    private IllustrativeLabel() {
    }

    /** The text without the labels, or null when nothing else is left; unchanged for a real record. */
    public static String strip(String text, boolean illustrative) {
        if (!illustrative || text == null) {
            return text;
        }
        String stripped = text;
        for (String label : LABELS) {
            stripped = stripped.replace(label, " ");
        }
        stripped = stripped.replaceAll("[ \\t]{2,}", " ").replaceAll("(?m)^[ \\t]+|[ \\t]+$", "");
        return stripped.isBlank() ? null : stripped.strip();
    }
}
