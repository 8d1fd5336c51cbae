package org.triplehelix.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.triplehelix.shared.Text;

/** An organization of the innovation base: a laboratory, a facility, a university, an enterprise, … */
public record OrganizationRecord(String id, OrganizationType type, Text name, String parent, String region,
                                 String ror, Uscc uscc, String website, Text description, Integer established)
        implements RegistryRecord {

    public OrganizationRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        type = type == null ? OrganizationType.OTHER : type;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.ORGANIZATION;
    }

    @Override
    public List<Link> links() {
        List<Link> links = new ArrayList<>(1);
        if (parent != null) {
            links.add(new Link("parent", RecordKind.ORGANIZATION, parent));
        }
        return links;
    }
}
