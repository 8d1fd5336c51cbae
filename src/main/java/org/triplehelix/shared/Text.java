package org.triplehelix.shared;

import java.util.Locale;

/**
 * A bilingual text: Simplified Chinese and English, either of which may be missing (never both).
 * A plain string given without a language is filed under Chinese when it contains Han characters,
 * else under English.
 */
public record Text(String zh, String en) {

    public Text {
        zh = blankToNull(zh);
        en = blankToNull(en);
        if (zh == null && en == null) {
            throw new IllegalArgumentException("a text needs a Chinese or an English value");
        }
    }

    /** A text from one string of unknown language. */
    public static Text of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a text needs a Chinese or an English value");
        }
        return containsHan(value) ? new Text(value, null) : new Text(null, value);
    }

    /** A text from two optional values, or null when both are blank. */
    public static Text ofNullable(String zh, String en) {
        return blankToNull(zh) == null && blankToNull(en) == null ? null : new Text(zh, en);
    }

    /** The value in the locale's language, falling back to the other one. */
    public String in(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return english ? (en != null ? en : zh) : (zh != null ? zh : en);
    }

    /** Both values for search and display ("华中科技大学 Huazhong University …"). */
    public String both() {
        return zh == null ? en : en == null ? zh : zh + " " + en;
    }

    public static boolean containsHan(String value) {
        return value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
