package org.triplehelix.talent.web;

import java.util.List;
import java.util.Map;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.web.PageContext;
import org.triplehelix.talent.TalentInputException;

/**
 * A form's refused input, as its page shows it: the field at fault (marked in place, when the
 * form has it), the field's label for the summary at the top, and the reason in the page's
 * language ({@code talent.reason.*}), else the service's English message. {@link #NONE} when
 * nothing was refused, so that templates need no null checks.
 *
 * @param field   the field at fault, or null
 * @param label   the message key of the field's label, or null when the field is not known
 * @param onForm  whether the form has the field (and so marks it)
 * @param reason  the message key of the reason, or null
 * @param args    the reason's arguments
 * @param message the service's own (English) message
 */
public record Refusal(String field, String label, boolean onForm, String reason, List<String> args, String message) {

    public static final Refusal NONE = new Refusal(null, null, false, null, List.of(), null);

    /** Fields a service may refuse that no form asks for (the caller's organization, a student's name kept on the person). */
    private static final Map<String, String> ELSEWHERE = Map.of("organization", "talent.organization", "name_zh", "talent.field.nameZh",
            "name_en", "talent.field.nameEn");

    /** The refusal of a form whose fields (name → label key) are given. */
    static Refusal of(InvalidInputException e, Map<String, String> form) {
        // a talent refusal's key is a talent.reason.*; other modules' keys are not this page's reasons
        String reason = null;
        List<String> args = List.of();
        if (e instanceof TalentInputException talent) {
            reason = talent.reason();
            args = java.util.Arrays.stream(talent.args()).map(String::valueOf).toList();
        }
        String field = e.field();
        boolean onForm = field != null && form.containsKey(field);
        String label = field == null ? null : onForm ? form.get(field) : ELSEWHERE.get(field);
        return new Refusal(field, label, onForm, reason, args, e.getMessage());
    }

    /** The same refusal shown at another field of the form (a service's field the form asks for under another name). */
    Refusal shownAt(String from, String to, Map<String, String> form) {
        return from.equals(field) ? new Refusal(to, form.get(to), form.containsKey(to), reason, args, message) : this;
    }

    public boolean any() {
        return message != null;
    }

    /** Whether this field of the form is the one refused. */
    public boolean on(String name) {
        return onForm && name.equals(field);
    }

    /** The value of the field's aria-invalid attribute: "true", or null for none. */
    public String invalid(String name) {
        return on(name) ? "true" : null;
    }

    /** The class the field's container takes: " has-error" or nothing. */
    public String marked(String name) {
        return on(name) ? " has-error" : "";
    }

    /** Why it was refused, in the page's language. */
    public String reason(PageContext ctx) {
        return reason == null ? message : ctx.msg(reason, args.toArray());
    }
}
