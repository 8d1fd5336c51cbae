package org.triplehelix.facility.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.web.FormErrors;

/**
 * One of the management page's forms as it was typed and refused: its name ({@code profile},
 * {@code managers}, {@code maintenance}, {@code training}), the values posted and the fields at
 * fault. The page's other forms show what is stored. Public because the templates are compiled elsewhere.
 */
public record TypedForm(String form, Map<String, String> values, FormErrors errors) {

    public static final TypedForm NONE = new TypedForm("", Map.of(), FormErrors.none());

    static TypedForm of(String form, Map<String, String> values, FormErrors errors) {
        Map<String, String> kept = new LinkedHashMap<>(values);
        kept.remove("_csrf");
        return new TypedForm(form, kept, errors);
    }

    /** Whether this is the refused form. */
    public boolean is(String name) {
        return form.equals(name);
    }

    /** The value of a field of form {@code name}: as typed when that form was refused, else the stored one. */
    public String value(String name, String field, String stored) {
        return is(name) ? values.getOrDefault(field, "") : stored;
    }

    /** A checkbox of form {@code name}: as ticked when that form was refused, else as stored. */
    public boolean checked(String name, String field, boolean stored) {
        return is(name) ? values.containsKey(field) : stored;
    }

    /** The errors of form {@code name} (none when another form was refused). */
    public FormErrors errorsOf(String name) {
        return is(name) ? errors : FormErrors.none();
    }

    /** The refusal as a message in the page's language on the input of the form it names. */
    static FormErrors errorOf(InvalidInputException e) {
        String field = switch (e.field()) {
            case "location" -> "locationZh";
            case "capabilities" -> "capabilitiesZh";
            default -> e.field();
        };
        return FormErrors.refusal(field, e);
    }
}
