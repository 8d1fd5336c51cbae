package org.triplehelix.registry.web;

import org.triplehelix.registry.FacilityRecord;
import org.triplehelix.registry.FacilityType;
import org.triplehelix.registry.SavedRecord;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.web.FormErrors;

/** The form of a facility or an instrument: name, type, the organization that runs it, region, keywords, description. */
public record FacilityEditForm(String id, Integer version, String nameZh, String nameEn, String type, String organization,
                               String region, String keywords, String descriptionZh, String descriptionEn) implements EditForm {

    public FacilityEditForm {
        id = EditForm.clean(id);
        nameZh = EditForm.clean(nameZh);
        nameEn = EditForm.clean(nameEn);
        type = EditForm.clean(type);
        organization = EditForm.clean(organization);
        region = EditForm.clean(region);
        keywords = EditForm.cleanItems(keywords);
        descriptionZh = EditForm.clean(descriptionZh);
        descriptionEn = EditForm.clean(descriptionEn);
    }

    static FacilityEditForm blank(String organization) {
        return new FacilityEditForm(null, null, null, null, null, organization, null, null, null, null);
    }

    static FacilityEditForm of(SavedRecord saved) {
        FacilityRecord f = (FacilityRecord) saved.record();
        return new FacilityEditForm(f.id(), saved.version(), OrganizationEditForm.zh(f.name()), OrganizationEditForm.en(f.name()),
                f.type().interchangeName(), f.organization(), f.region(), EditForm.lines(f.keywords()),
                OrganizationEditForm.zh(f.description()), OrganizationEditForm.en(f.description()));
    }

    @Override
    public FacilityRecord toRecord(String id, FormErrors errors) {
        Text name = EditForm.requiredText(nameZh, nameEn, "nameZh", errors);
        FacilityType facilityType = EditForm.type(type, FacilityType.class, FacilityType.INSTRUMENT, errors);
        EditForm.maxLength(nameZh, EditForm.LINE, "nameZh", errors);
        EditForm.maxLength(nameEn, EditForm.LINE, "nameEn", errors);
        EditForm.maxLength(region, 100, "region", errors);
        EditForm.maxLength(keywords, 2000, "keywords", errors);
        EditForm.maxLength(descriptionZh, EditForm.TEXT, "descriptionZh", errors);
        EditForm.maxLength(descriptionEn, EditForm.TEXT, "descriptionEn", errors);
        if (errors.any()) {
            return null;
        }
        return new FacilityRecord(id, facilityType, name, organization, Text.ofNullable(descriptionZh, descriptionEn),
                EditForm.items(keywords), region);
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
