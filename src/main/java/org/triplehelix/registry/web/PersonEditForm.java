package org.triplehelix.registry.web;

import org.triplehelix.registry.Orcid;
import org.triplehelix.registry.PersonRecord;
import org.triplehelix.registry.SavedRecord;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.web.FormErrors;

/** The form of a person: name in both languages, organization, title, ORCID iD, disciplines, keywords, description. */
public record PersonEditForm(String id, Integer version, String nameZh, String nameEn, String organization, String title,
                             String orcid, String disciplines, String keywords, String descriptionZh, String descriptionEn)
        implements EditForm {

    public PersonEditForm {
        id = EditForm.clean(id);
        nameZh = EditForm.clean(nameZh);
        nameEn = EditForm.clean(nameEn);
        organization = EditForm.clean(organization);
        title = EditForm.clean(title);
        orcid = EditForm.clean(orcid);
        disciplines = EditForm.cleanItems(disciplines);
        keywords = EditForm.cleanItems(keywords);
        descriptionZh = EditForm.clean(descriptionZh);
        descriptionEn = EditForm.clean(descriptionEn);
    }

    static PersonEditForm blank(String organization) {
        return new PersonEditForm(null, null, null, null, organization, null, null, null, null, null, null);
    }

    static PersonEditForm of(SavedRecord saved) {
        PersonRecord p = (PersonRecord) saved.record();
        return new PersonEditForm(p.id(), saved.version(), OrganizationEditForm.zh(p.name()), OrganizationEditForm.en(p.name()),
                p.organization(), p.title(), p.orcid() == null ? null : p.orcid().value(), EditForm.lines(p.disciplines()),
                EditForm.lines(p.keywords()), OrganizationEditForm.zh(p.description()), OrganizationEditForm.en(p.description()));
    }

    @Override
    public PersonRecord toRecord(String id, FormErrors errors) {
        Text name = EditForm.requiredText(nameZh, nameEn, "nameZh", errors);
        Orcid iD = EditForm.valueOf(orcid, Orcid::of, "orcid", errors);
        EditForm.maxLength(nameZh, EditForm.LINE, "nameZh", errors);
        EditForm.maxLength(nameEn, EditForm.LINE, "nameEn", errors);
        EditForm.maxLength(title, 200, "title", errors);
        EditForm.maxLength(disciplines, 1000, "disciplines", errors);
        EditForm.maxLength(keywords, 2000, "keywords", errors);
        EditForm.maxLength(descriptionZh, EditForm.TEXT, "descriptionZh", errors);
        EditForm.maxLength(descriptionEn, EditForm.TEXT, "descriptionEn", errors);
        if (errors.any()) {
            return null;
        }
        return new PersonRecord(id, name, organization, title, iD, EditForm.items(disciplines), EditForm.items(keywords),
                Text.ofNullable(descriptionZh, descriptionEn));
    }

    @Override
    public java.util.List<org.triplehelix.registry.RegistryRecord.Link> links() {
        return organization == null ? java.util.List.of()
                : java.util.List.of(new org.triplehelix.registry.RegistryRecord.Link("organization", org.triplehelix.registry.RecordKind.ORGANIZATION, organization));
    }

    @Override
    public String scopeField() {
        return "organization";
    }
}
