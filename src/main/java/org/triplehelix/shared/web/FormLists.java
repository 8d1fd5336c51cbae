package org.triplehelix.shared.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A list of texts (keywords, disciplines) edited in one textarea of a form. The form shows the items one a line, each
 * line ended, so that the text always holds a line break and {@link #items} reads it back line by line: an item holding
 * a comma, a semicolon or 、 (posted through an API or imported, {@code 锂离子电池,正极}) stays one item when the form is
 * saved unchanged. Typed on one line, the items are separated by commas, semicolons or 、, full- or half-width.
 */
public final class FormLists {

    private FormLists() {
    }

    /** The items as the form shows them: one a line, each line ended (empty for none). */
    public static String lines(List<String> items) {
        return items == null ? "" : items.stream().map(item -> item + "\n").collect(Collectors.joining());
    }

    /**
     * The items typed: one a line when the text has a line break (each line whole, commas and all; CR LF, LF or CR),
     * else on one line separated by commas, semicolons or 、; each stripped, blank ones left out, in order.
     */
    public static List<String> items(String text) {
        if (text == null) {
            return List.of();
        }
        String[] parts = hasLineBreak(text) ? text.split("\\R") : text.split("[,，;；、]");
        return Arrays.stream(parts).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether {@link #items} reads the text one item a line. */
    public static boolean hasLineBreak(String text) {
        return text != null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0);
    }
}
