package org.triplehelix.registry;

import java.util.List;

/**
 * Published inside the writing transaction after records of one kind were created, changed or
 * deleted (one event per write, one per kind and import batch), so that derived data (the search
 * index) can follow. {@code kind} is organization, person, output or facility.
 */
public record RegistryChanged(String kind, List<String> extIds) {

    public RegistryChanged {
        extIds = List.copyOf(extIds);
    }
}
