package org.triplehelix.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.triplehelix.shared.RecordIds;

/**
 * A list of texts (keywords, disciplines) edited in one textarea of a form. The form shows the items one a line, each
 * line ended, so that the text always holds a line break and {@link #items} reads it back line by line: an item holding
 * a comma, a semicolon or 、 (posted through an API or imported, {@code 锂离子电池,正极}) stays one item when the form is
 * saved unchanged. Typed on one line, the items are separated by commas, semicolons or 、, full- or half-width.
 *
 * <p>A list of record ids (a challenge application's partners, a talent program's enterprises) is shown the same way
 * and read by {@link #ids}: as an id holds no whitespace ({@link RecordIds}), whitespace separates ids too, on one line
 * or on several, while an id holding a comma or a semicolon (which ids may) stays whole on a line of its own.
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

    /**
     * The ids typed: one a line when the text has a line break (commas and semicolons kept, each line split at whitespace
     * only), else on one line separated by whitespace, commas, semicolons or 、 (full- or half-width): {@code org-a, org-b}
     * and {@code org-a org-b} are two ids, {@code org,x} on a line of its own is one. In order, each as often as typed.
     */
    public static List<String> ids(String text) {
        List<String> ids = new ArrayList<>();
        if (text == null) {
            return ids;
        }
        boolean lines = hasLineBreak(text);
        StringBuilder id = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (RecordIds.isSpace(c) || !lines && ",，;；、".indexOf(c) >= 0) {
                if (!id.isEmpty()) {
                    ids.add(id.toString());
                    id.setLength(0);
                }
            } else {
                id.appendCodePoint(c);
            }
        });
        if (!id.isEmpty()) {
            ids.add(id.toString());
        }
        return List.copyOf(ids);
    }

    /** Whether {@link #items} reads the text one item a line. */
    public static boolean hasLineBreak(String text) {
        return text != null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0);
    }
}
