package org.triplehelix.registry.web;

import org.triplehelix.shared.Text;

/** A record offered by a picker: its id (the value the form sends), its name, and what tells it apart (a person's organization). */
public record Suggestion(String id, Text name, Text context) {
}
