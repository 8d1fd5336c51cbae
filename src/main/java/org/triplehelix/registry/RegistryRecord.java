package org.triplehelix.registry;

import java.util.List;

/**
 * One record of the registry in its interchange shape (INTERCHANGE.md): its external id, its
 * values, and its links to other records by their external ids. Constructed only valid.
 */
public sealed interface RegistryRecord permits OrganizationRecord, PersonRecord, OutputRecord, FacilityRecord {

    RecordKind kind();

    String id();

    /** The records this one points to, each of which must exist for this one to be stored. */
    List<Link> links();

    /** A link from {@code field} to the record {@code id} of kind {@code target}. */
    record Link(String field, RecordKind target, String id) {
    }
}
