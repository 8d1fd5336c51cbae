package org.triplehelix.registry.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.triplehelix.registry.OutputRecord;
import org.triplehelix.registry.OutputType;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.registry.RegistryRecord;
import org.triplehelix.registry.SavedRecord;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.web.FormErrors;

/**
 * The form of an output: title and abstract in both languages, type, year, discipline, keywords,
 * and its people and organizations in order. {@code people} are the ids kept (checked boxes),
 * {@code peopleAdd} one more id typed or picked from the suggestions; the same for organizations.
 */
public record OutputEditForm(String id, Integer version, String titleZh, String titleEn, String type, String year,
                             String discipline, String keywords, String abstractZh, String abstractEn,
                             List<String> people, String peopleAdd, List<String> organizations, String organizationsAdd)
        implements EditForm {

    public OutputEditForm {
        id = EditForm.clean(id);
        titleZh = EditForm.clean(titleZh);
        titleEn = EditForm.clean(titleEn);
        type = EditForm.clean(type);
        year = EditForm.clean(year);
        discipline = EditForm.clean(discipline);
        keywords = EditForm.cleanItems(keywords);
        abstractZh = EditForm.clean(abstractZh);
        abstractEn = EditForm.clean(abstractEn);
        people = ids(people, EditForm.clean(peopleAdd));
        peopleAdd = null;
        organizations = ids(organizations, EditForm.clean(organizationsAdd));
        organizationsAdd = null;
    }

    static OutputEditForm blank(String person, String organization) {
        return new OutputEditForm(null, null, null, null, null, null, null, null, null, null,
                person == null ? List.of() : List.of(person), null, organization == null ? List.of() : List.of(organization), null);
    }

    static OutputEditForm of(SavedRecord saved) {
        OutputRecord u = (OutputRecord) saved.record();
        return new OutputEditForm(u.id(), saved.version(), OrganizationEditForm.zh(u.title()), OrganizationEditForm.en(u.title()),
                u.type().interchangeName(), u.year() == null ? null : u.year().toString(), u.discipline(),
                EditForm.lines(u.keywords()), OrganizationEditForm.zh(u.abstractText()), OrganizationEditForm.en(u.abstractText()),
                u.people(), null, u.organizations(), null);
    }

    @Override
    public OutputRecord toRecord(String id, FormErrors errors) {
        Text title = EditForm.requiredText(titleZh, titleEn, "titleZh", errors);
        OutputType outputType = EditForm.type(type, OutputType.class, OutputType.ACHIEVEMENT, errors);
        Integer when = EditForm.year(year, "year", errors);
        EditForm.maxLength(titleZh, 1000, "titleZh", errors);
        EditForm.maxLength(titleEn, 1000, "titleEn", errors);
        EditForm.maxLength(discipline, 200, "discipline", errors);
        EditForm.maxLength(keywords, 2000, "keywords", errors);
        EditForm.maxLength(abstractZh, EditForm.TEXT, "abstractZh", errors);
        EditForm.maxLength(abstractEn, EditForm.TEXT, "abstractEn", errors);
        if (errors.any()) {
            return null;
        }
        return new OutputRecord(id, outputType, title, Text.ofNullable(abstractZh, abstractEn), EditForm.items(keywords),
                when, discipline, people, organizations);
    }

    @Override
    public List<RegistryRecord.Link> links() {
        List<RegistryRecord.Link> links = new ArrayList<>();
        people.forEach(id -> links.add(new RegistryRecord.Link("people", RecordKind.PERSON, id)));
        organizations.forEach(id -> links.add(new RegistryRecord.Link("organizations", RecordKind.ORGANIZATION, id)));
        return links;
    }

    @Override
    public String scopeField() {
        return "organizations";
    }

    /** The ids kept, then the one added, each once, in order. */
    private static List<String> ids(List<String> kept, String added) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        if (kept != null) {
            kept.stream().map(EditForm::clean).filter(java.util.Objects::nonNull).forEach(ids::add);
        }
        if (added != null) {
            ids.add(added);
        }
        return List.copyOf(new ArrayList<>(ids));
    }
}
