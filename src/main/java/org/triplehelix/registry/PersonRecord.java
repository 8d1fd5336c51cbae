package org.triplehelix.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.triplehelix.shared.Text;

/** A researcher or an expert, with the organization they work in. */
public record PersonRecord(String id, Text name, String organization, String title, Orcid orcid,
                           List<String> disciplines, List<String> keywords, Text description)
        implements RegistryRecord {

    public PersonRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        disciplines = disciplines == null ? List.of() : List.copyOf(disciplines);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.PERSON;
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
