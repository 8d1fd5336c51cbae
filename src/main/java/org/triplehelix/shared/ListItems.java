package org.triplehelix.shared;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What an item of a list field (a keyword, a discipline, an id of a list) may not hold: a line break. The edit forms
 * show a list one item a line and read it back line by line, so an item holding a line break, given through an API or
 * an import, would come back from its form as several. Refused where lists come in, naming the item by its field and
 * its position in the list as given, counted from 0 as in the JSON array: {@code keywords[2]}.
 */
public final class ListItems {

    /** A line break as {@code \R} matches it (and as the forms split on): LF, CR, VT, FF, NEL, U+2028, U+2029. */
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private ListItems() {
    }

    /** Whether the text holds a line break of any kind. */
    public static boolean hasLineBreak(String text) {
        return text != null && LINE_BREAK.matcher(text).find();
    }

    /** The name of the item at {@code position} of the list {@code field}: {@code keywords[2]}. */
    public static String item(String field, int position) {
        return field + "[" + position + "]";
    }

    /** Refuses the item at {@code position} of {@code field} when it holds a line break, naming it ({@code keywords[2]}). */
    public static void requireOneLine(String field, int position, String item) {
        if (hasLineBreak(item)) {
            String name = item(field, position);
            throw new InvalidInputException(name, name + " holds a line break: an item of a list is one line", "input.itemLineBreak", name);
        }
    }

    /** Refuses the first item of the list that holds a line break (null items are passed over). */
    public static void requireOneLine(String field, List<String> items) {
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                requireOneLine(field, i, items.get(i));
            }
        }
    }
}
