package org.triplehelix.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of record the registry keeps, in the order their links depend on each other. */
public enum RecordKind {
    ORGANIZATION("organizations"), PERSON("persons"), FACILITY("facilities"), OUTPUT("outputs");

    private final String collection;

    RecordKind(String collection) {
        this.collection = collection;
    }

    /** {@code organization}, as the {@code kind} of a JSON Lines record. */
    public String interchangeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code organizations}, as in the REST paths. */
    public String collection() {
        return collection;
    }

    public static Optional<RecordKind> fromInterchange(String name) {
        return Arrays.stream(values()).filter(k -> k.interchangeName().equals(name)).findFirst();
    }

    public static Optional<RecordKind> fromCollection(String collection) {
        return Arrays.stream(values()).filter(k -> k.collection.equals(collection)).findFirst();
    }
}
