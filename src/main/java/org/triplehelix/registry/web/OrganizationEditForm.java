package org.triplehelix.registry.web;

import org.triplehelix.registry.OrganizationRecord;
import org.triplehelix.registry.OrganizationType;
import org.triplehelix.registry.SavedRecord;
import org.triplehelix.registry.Uscc;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.web.FormErrors;

/** The form of an organization: names and descriptions in both languages, type, parent, region, identifiers. */
public record OrganizationEditForm(String id, Integer version, String nameZh, String nameEn, String type, String parent,
                                   String region, String established, String ror, String uscc, String website,
                                   String descriptionZh, String descriptionEn) implements EditForm {

    public OrganizationEditForm {
        id = EditForm.clean(id);
        nameZh = EditForm.clean(nameZh);
        nameEn = EditForm.clean(nameEn);
        type = EditForm.clean(type);
        parent = EditForm.clean(parent);
        region = EditForm.clean(region);
        established = EditForm.clean(established);
        ror = EditForm.clean(ror);
        uscc = EditForm.clean(uscc);
        website = EditForm.clean(website);
        descriptionZh = EditForm.clean(descriptionZh);
        descriptionEn = EditForm.clean(descriptionEn);
    }

    /** An empty form, under a parent when one is given. */
    static OrganizationEditForm blank(String parent) {
        return new OrganizationEditForm(null, null, null, null, null, parent, null, null, null, null, null, null, null);
    }

    static OrganizationEditForm of(SavedRecord saved) {
        OrganizationRecord o = (OrganizationRecord) saved.record();
        return new OrganizationEditForm(o.id(), saved.version(), zh(o.name()), en(o.name()), o.type().interchangeName(),
                o.parent(), o.region(), o.established() == null ? null : o.established().toString(), o.ror(),
                o.uscc() == null ? null : o.uscc().value(), o.website(), zh(o.description()), en(o.description()));
    }

    @Override
    public OrganizationRecord toRecord(String id, FormErrors errors) {
        Text name = EditForm.requiredText(nameZh, nameEn, "nameZh", errors);
        OrganizationType organizationType = EditForm.type(type, OrganizationType.class, OrganizationType.OTHER, errors);
        Integer year = EditForm.year(established, "established", errors);
        Uscc code = EditForm.valueOf(uscc, Uscc::of, "uscc", errors);
        EditForm.maxLength(nameZh, EditForm.LINE, "nameZh", errors);
        EditForm.maxLength(nameEn, EditForm.LINE, "nameEn", errors);
        EditForm.maxLength(region, 100, "region", errors);
        EditForm.maxLength(ror, 200, "ror", errors);
        EditForm.maxLength(website, EditForm.LINE, "website", errors);
        EditForm.maxLength(descriptionZh, EditForm.TEXT, "descriptionZh", errors);
        EditForm.maxLength(descriptionEn, EditForm.TEXT, "descriptionEn", errors);
        if (ror != null && Links.ror(ror) == null) {
            errors.add("ror", "registry.edit.error.ror", ror);
        }
        if (website != null && Links.external(website) == null) {
            // the profile would show it as text, never as a link: say so now rather than store an address that leads nowhere
            errors.add("website", "registry.edit.error.website", website);
        }
        if (errors.any()) {
            return null;
        }
        return new OrganizationRecord(id, organizationType, name, parent, region, ror, code, website,
                Text.ofNullable(descriptionZh, descriptionEn), year);
    }

    @Override
    public java.util.List<org.triplehelix.registry.RegistryRecord.Link> links() {
        return parent == null ? java.util.List.of()
                : java.util.List.of(new org.triplehelix.registry.RegistryRecord.Link("parent", org.triplehelix.registry.RecordKind.ORGANIZATION, parent));
    }

    @Override
    public String scopeField() {
        return "parent";
    }

    static String zh(Text text) {
        return text == null ? null : text.zh();
    }

    static String en(Text text) {
        return text == null ? null : text.en();
    }
}
