package org.triplehelix.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.triplehelix.shared.Text;

/**
 * What people and organizations produced: a project, a paper, a patent, an achievement, a
 * standard, software. {@code people} and {@code organizations} keep the order given (first
 * author or principal investigator first).
 */
public record OutputRecord(String id, OutputType type, Text title, Text abstractText, List<String> keywords,
                           Integer year, String discipline, List<String> people, List<String> organizations)
        implements RegistryRecord {

    public OutputRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        type = type == null ? OutputType.ACHIEVEMENT : type;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        people = people == null ? List.of() : List.copyOf(people);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.OUTPUT;
    }

    @Override
    public List<Link> links() {
        List<Link> links = new ArrayList<>(people.size() + organizations.size());
        people.forEach(p -> links.add(new Link("people", RecordKind.PERSON, p)));
        organizations.forEach(o -> links.add(new Link("organizations", RecordKind.ORGANIZATION, o)));
        return links;
    }
}
