package org.triplehelix.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.triplehelix.shared.Text;

/** A major science facility or a large instrument of the catalog, with the organization that runs it. */
public record FacilityRecord(String id, FacilityType type, Text name, String organization, Text description,
                             List<String> keywords, String region)
        implements RegistryRecord {

    public FacilityRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        type = type == null ? FacilityType.INSTRUMENT : type;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.FACILITY;
    }

    @Override
    public List<Link> links() {
        List<Link> links = new ArrayList<>(1);
        if (organization != null) {
            links.add(new Link("organization", RecordKind.ORGANIZATION, organization));
        }
        return links;
    }
}
