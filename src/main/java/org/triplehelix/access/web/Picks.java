package org.triplehelix.access.web;

import java.util.Optional;
import java.util.function.Function;
import org.triplehelix.shared.Text;

/**
 * What a picker of registry records sent. The box shows a record's name in the page's language and a
 * hidden field carries its id (set by {@code registry-edit.js} when a suggestion is chosen), like the
 * registry's own pickers: nobody reads or types ids. The id counts while the box still shows that
 * record's name; otherwise what the box holds does (an exact name, or an id typed by someone who knows it).
 */
final class Picks {

    private Picks() {
    }

    /**
     * The record chosen: {@code id} from the hidden field, {@code typed} from the box (null from a client that
     * sends the id alone, which is then taken as it is); empty when the box was emptied.
     */
    static String chosen(String id, String typed, Function<String, Optional<Text>> names) {
        if (typed == null) {
            return id == null ? "" : id;
        }
        String shown = typed.strip();
        if (shown.isEmpty()) {
            return "";
        }
        boolean stillShown = id != null && !id.isBlank() && names.apply(id).map(name -> named(name, shown)).orElse(false);
        return stillShown ? id.strip() : shown;
    }

    private static boolean named(Text name, String shown) {
        return shown.equals(name.zh()) || (name.en() != null && shown.equalsIgnoreCase(name.en()));
    }
}
