package org.triplehelix.registry.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.triplehelix.registry.RegistryRecord;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.web.FormErrors;
import org.triplehelix.shared.web.FormLists;

/**
 * An edit form of one kind of record, as posted: every value a string as typed, so that a form
 * with errors comes back with the input kept. {@link #toRecord} turns it into a record or
 * collects what is wrong with it, field by field.
 */
public interface EditForm {

    /** Letters (Chinese too), digits and {@code . _ : - ~}: an id that is a path segment as it is. */
    java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[\\p{L}\\p{N}._:~-]{1,200}");

    /** The id typed into the form of a new record (blank: one is made). */
    String id();

    /** The version of the record the form was opened with (null for a new record). */
    Integer version();

    /** The record with the given id, or null with the reasons in {@code errors}, each on the input at fault. */
    RegistryRecord toRecord(String id, FormErrors errors);

    /** The records the form links to, by field (checked to exist along with the other fields). */
    List<RegistryRecord.Link> links();

    /** The field that an error about the record's scope (where it is placed) belongs to. */
    String scopeField();

    /** Control characters out (PostgreSQL text holds no NUL), blanks to null; line breaks stay. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String text = value.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        return text.isEmpty() ? null : text;
    }

    /** The longest text of a one-line input, unless its template says less (and {@link #maxLength} with it). */
    int LINE = 500;
    /** The longest text of a text area (a description, an abstract). */
    int TEXT = 20000;

    /**
     * An error on {@code field} when {@code value} is longer than {@code max} characters: the limit
     * its input shows the browser ({@code maxlength}), checked again here because a form can be
     * posted without it. Counted as the browser counts (UTF-16 units).
     */
    static void maxLength(String value, int max, String field, FormErrors errors) {
        if (value != null && value.length() > max) {
            errors.add(field, "registry.edit.error.tooLong", max, value.length());
        }
    }

    /** A bilingual text, or null with a "required" error on {@code field} (its Chinese input, the first of the two). */
    static Text requiredText(String zh, String en, String field, FormErrors errors) {
        Text text = Text.ofNullable(zh, en);
        if (text == null) {
            errors.add(field, "registry.edit.error.required");
        }
        return text;
    }

    /**
     * A list field's text cleaned as {@link #clean} does, but a text that had a line break keeps one: a single item on
     * a line of its own, such as {@code 锂离子电池,正极} as the edit form shows it, keeps the line break that stripping
     * would take, and is still read one item a line ({@link #items}), not split at its comma. Line breaks of any kind
     * (CR LF, CR) become LF first; the text is never longer than the one typed.
     */
    static String cleanItems(String value) {
        String text = clean(value == null ? null : value.replace("\r\n", "\n").replace('\r', '\n'));
        return text != null && FormLists.hasLineBreak(value) && !FormLists.hasLineBreak(text) ? text + "\n" : text;
    }

    /**
     * A list field's items ({@link FormLists#items}): one a line when the text has a line break, else separated by
     * commas, semicolons (also full-width) or 、; in order, each as often as given, as the API and the import keep them
     * (a record whose list repeats an item is saved unchanged when its form is).
     */
    static List<String> items(String value) {
        return FormLists.items(value);
    }

    /** The list again for its textarea: one item a line (so that an item holding a comma stays one), null for none. */
    static String lines(List<String> items) {
        return items == null || items.isEmpty() ? null : FormLists.lines(items);
    }

    /** A year between 1000 and 2100, or null with an error on {@code field}. */
    static Integer year(String value, String field, FormErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            int year = Integer.parseInt(value.strip());
            if (year >= 1000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(field, "registry.edit.error.year", value);
        return null;
    }

    /** A value object of the registry ({@code Uscc::of}, {@code Orcid::of}), or null with its refusal on {@code field}. */
    static <T> T valueOf(String value, Function<String, T> parse, String field, FormErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (InvalidInputException e) {
            refuse(errors, field, e);
            return null;
        }
    }

    /**
     * A refusal of the registry on the form's input {@code field}, in the reader's language by its
     * message key ({@link FormErrors#refusal}); the first error on a field is kept.
     */
    static void refuse(FormErrors errors, String field, InvalidInputException e) {
        FormErrors refusal = FormErrors.refusal(field, e);
        errors.add(field, refusal.key(field), refusal.args(field));
    }

    /** An enumeration's value by its interchange name, or null with an error on {@code type}. */
    static <E extends Enum<E>> E type(String value, Class<E> type, E fallback, FormErrors errors) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("type", "registry.edit.error.type", value);
            return null;
        }
    }
}
