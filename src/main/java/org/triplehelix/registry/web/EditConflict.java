package org.triplehelix.registry.web;

import java.util.Arrays;
import java.util.List;
import org.triplehelix.shared.ConflictException;

/**
 * Why an edit or a deletion was refused with 409, for the page shown again: the conflict's own
 * message key and arguments ({@link ConflictException#keyOr}, the page's fallback when it has none),
 * and whether it is a stale version (someone changed the record since the page was opened) rather
 * than a refusal that opening the page again will not cure. Public because the templates are
 * compiled elsewhere.
 */
public record EditConflict(String key, List<String> args, boolean stale) {

    /** The key of {@code RegistryWriter}'s stale-version conflict. */
    static final String STALE = "registry.edit.error.stale";

    public EditConflict {
        args = List.copyOf(args);
    }

    static EditConflict of(ConflictException e, String fallback) {
        return new EditConflict(e.keyOr(fallback), Arrays.stream(e.args()).map(String::valueOf).toList(),
                e.key() == null || STALE.equals(e.key()));
    }

    /** The arguments as the bundles' {@code MessageFormat} takes them. */
    public Object[] arguments() {
        return args.toArray();
    }
}
