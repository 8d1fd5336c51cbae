package org.triplehelix.matching.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Stream;
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.DemandDraft;
import org.triplehelix.shared.web.FormErrors;
import org.triplehelix.shared.web.FormLists;

/** The demand form as the browser posts it (lists as text: keywords and the parties' ids one a line, or on one line separated by commas). */
public class DemandForm {

    private String titleZh;
    private String titleEn;
    private String descriptionZh;
    private String descriptionEn;
    private String keywords;
    private String organization;
    private String industry;
    private String region;
    // numbers and the date as typed, so that a refused one comes back in the form as it was written
    private String budgetMin;
    private String budgetMax;
    private String trl;
    private String ipStance;
    private String visibility = "public";
    private String deadline;
    private String parties;
    /** An id typed into the parties' picker and not yet added to them: it counts too. */
    private String partiesAdd;
    private Integer version;

    static DemandForm of(Demand d) {
        DemandForm form = new DemandForm();
        form.titleZh = d.titleZh();
        form.titleEn = d.titleEn();
        form.descriptionZh = d.descriptionZh();
        form.descriptionEn = d.descriptionEn();
        form.keywords = FormLists.lines(d.keywords());
        form.organization = d.organization();
        form.industry = d.industry();
        form.region = d.region();
        form.budgetMin = d.budgetMin() == null ? null : d.budgetMin().toPlainString();
        form.budgetMax = d.budgetMax() == null ? null : d.budgetMax().toPlainString();
        form.trl = d.trl() == null ? null : d.trl().toString();
        form.ipStance = d.ipStance() == null ? null : d.ipStance().id();
        form.visibility = d.visibility().id();
        form.deadline = d.deadline() == null ? null : d.deadline().toString();
        form.parties = FormLists.lines(d.parties());
        form.version = d.version();
        return form;
    }

    /** The draft of the form; a number or a date that cannot be read is recorded in {@code errors} (and left out). */
    DemandDraft toDraft(FormErrors errors) {
        return new DemandDraft(null, titleZh, titleEn, descriptionZh, descriptionEn, FormLists.items(keywords), organization, industry, region,
                decimal("budgetMin", budgetMin, errors), decimal("budgetMax", budgetMax, errors), errors.wholeNumber("trl", trl),
                ipStance, visibility, date("deadline", deadline, errors), parties(), version);
    }

    private static BigDecimal decimal(String field, String value, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(field, "form.number", value);
            return null;
        }
    }

    private static LocalDate date(String field, String value, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, "form.date", value);
            return null;
        }
    }

    /**
     * The parties' ids ({@link FormLists#ids}: one a line as the edit form shows them, so that an id holding a comma stays
     * whole; typed on one line, separated by commas, semicolons, 、 or whitespace), with the one typed into the picker and
     * not yet added, whole; each once (an organization is a party once).
     */
    private List<String> parties() {
        String added = partiesAdd == null || partiesAdd.isBlank() ? null : partiesAdd.strip();
        return Stream.concat(FormLists.ids(parties).stream(), Stream.ofNullable(added)).distinct().toList();
    }

    /** A text field's value by its name (for the template's loop over the plain text inputs). */
    public String value(String name) {
        return switch (name) {
            case "organization" -> organization;
            case "industry" -> industry;
            case "region" -> region;
            default -> throw new IllegalArgumentException("no text field " + name);
        };
    }

    public String getTitleZh() { return titleZh; }
    public void setTitleZh(String v) { titleZh = v; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String v) { titleEn = v; }
    public String getDescriptionZh() { return descriptionZh; }
    public void setDescriptionZh(String v) { descriptionZh = v; }
    public String getDescriptionEn() { return descriptionEn; }
    public void setDescriptionEn(String v) { descriptionEn = v; }
    public String getKeywords() { return keywords; }
    public void setKeywords(String v) { keywords = v; }
    public String getOrganization() { return organization; }
    public void setOrganization(String v) { organization = v; }
    public String getIndustry() { return industry; }
    public void setIndustry(String v) { industry = v; }
    public String getRegion() { return region; }
    public void setRegion(String v) { region = v; }
    public String getBudgetMin() { return budgetMin; }
    public void setBudgetMin(String v) { budgetMin = v; }
    public String getBudgetMax() { return budgetMax; }
    public void setBudgetMax(String v) { budgetMax = v; }
    public String getTrl() { return trl; }
    public void setTrl(String v) { trl = v; }
    public String getIpStance() { return ipStance; }
    public void setIpStance(String v) { ipStance = v; }
    public String getVisibility() { return visibility; }
    public void setVisibility(String v) { visibility = v; }
    public String getDeadline() { return deadline; }
    public void setDeadline(String v) { deadline = v; }
    public String getParties() { return parties; }
    public void setParties(String v) { parties = v; }
    public String getPartiesAdd() { return partiesAdd; }
    public void setPartiesAdd(String v) { partiesAdd = v; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer v) { version = v; }
}
