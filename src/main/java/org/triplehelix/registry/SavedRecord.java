package org.triplehelix.registry;

/** A stored record and its version (for the optimistic check of the next update). */
public record SavedRecord(RegistryRecord record, int version) {
}
