package org.triplehelix.shared;

/**
 * What a record's id (its external id, {@code ext_id}) may not hold: whitespace. An id is written in files whose fields
 * are separated by spaces (a TREC run, {@code q1 Q0 ID 1 17.2 triple-helix}), and lists of ids typed into a form are
 * separated by spaces too; an id holding one would be read as two. Whitespace is what Java counts as such
 * ({@link Character#isWhitespace}: spaces, the ideographic space U+3000, tabs, line breaks) and the no-break spaces it
 * leaves out (U+00A0, U+2007, U+202F, any {@link Character#isSpaceChar}), and U+0085 (NEL), which readers of such files
 * split on too. Nothing else is refused here: an id may hold a comma, a semicolon or any other character it held before.
 */
public final class RecordIds {

    private RecordIds() {
    }

    /** Whether the character is whitespace an id cannot hold. */
    public static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Whether the id holds whitespace anywhere (null holds none). */
    public static boolean holdsSpace(String id) {
        return id != null && id.codePoints().anyMatch(RecordIds::isSpace);
    }

    /** The id, or a refusal on {@code field} when it holds whitespace. */
    public static String requireNoSpace(String field, String id) {
        if (holdsSpace(id)) {
            throw new InvalidInputException(field, field + " \"" + id + "\" holds whitespace (a space, a tab or a line break), which an id cannot hold",
                    "input.idWhitespace", id);
        }
        return id;
    }
}
