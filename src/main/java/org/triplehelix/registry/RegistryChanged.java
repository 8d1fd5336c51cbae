package org.triplehelix.registry;

import java.util.List;

/**
 * Published by the registry after every write or import batch, inside the writing transaction:
 * records of {@code kind} (organization, person, output, facility) with these external ids were
 * created, changed or deleted. The search index listens to it.
 */
public record RegistryChanged(String kind, List<String> extIds) {
}
