package org.triplehelix.facility.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** The profile form's inputs as the page lays them out. */
    private static final List<String> PROFILE_INPUTS = List.of("locationZh", "locationEn", "model", "maker", "capabilitiesZh",
            "capabilitiesEn", "feeUnit", "internalRate", "externalRate", "minMinutes", "maxMinutes", "slotMinutes", "leadMinutes",
            "horizonDays", "openingHours");

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
        return FormErrors.refusal(input(e), e);
    }

    /**
     * Several refusals of the profile form, listed in the order its inputs are laid out (fields it does
     * not show last); the first refusal of an input is kept.
     */
    static FormErrors errorsOf(List<InvalidInputException> refusals) {
        FormErrors errors = FormErrors.none();
        refusals.stream()
                .sorted(Comparator.comparingInt(e -> PROFILE_INPUTS.contains(input(e)) ? PROFILE_INPUTS.indexOf(input(e)) : PROFILE_INPUTS.size()))
                .forEach(e -> {
                    FormErrors one = errorOf(e);
                    String input = input(e);
                    errors.add(input, one.key(input), one.args(input));
                });
        return errors;
    }

    private static String input(InvalidInputException e) {
        return switch (e.field()) {
            case "location" -> "locationZh";
            case "capabilities" -> "capabilitiesZh";
            default -> e.field();
        };
    }
}
