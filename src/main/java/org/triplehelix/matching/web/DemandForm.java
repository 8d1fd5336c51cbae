package org.triplehelix.matching.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.DemandDraft;

/** The demand form as the browser posts it (lists as comma-separated text). */
public class DemandForm {

    private String titleZh;
    private String titleEn;
    private String descriptionZh;
    private String descriptionEn;
    private String keywords;
    private String organization;
    private String industry;
    private String region;
    private BigDecimal budgetMin;
    private BigDecimal budgetMax;
    private Integer trl;
    private String ipStance;
    private String visibility = "public";
    @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
    private LocalDate deadline;
    private String parties;
    private Integer version;

    static DemandForm of(Demand d) {
        DemandForm form = new DemandForm();
        form.titleZh = d.titleZh();
        form.titleEn = d.titleEn();
        form.descriptionZh = d.descriptionZh();
        form.descriptionEn = d.descriptionEn();
        form.keywords = String.join(", ", d.keywords());
        form.organization = d.organization();
        form.industry = d.industry();
        form.region = d.region();
        form.budgetMin = d.budgetMin();
        form.budgetMax = d.budgetMax();
        form.trl = d.trl();
        form.ipStance = d.ipStance() == null ? null : d.ipStance().id();
        form.visibility = d.visibility().id();
        form.deadline = d.deadline();
        form.parties = String.join(", ", d.parties());
        form.version = d.version();
        return form;
    }

    DemandDraft toDraft() {
        return new DemandDraft(null, titleZh, titleEn, descriptionZh, descriptionEn, list(keywords), organization, industry, region,
                budgetMin, budgetMax, trl, ipStance, visibility, deadline, list(parties), version);
    }

    private static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，;；\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
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
    public BigDecimal getBudgetMin() { return budgetMin; }
    public void setBudgetMin(BigDecimal v) { budgetMin = v; }
    public BigDecimal getBudgetMax() { return budgetMax; }
    public void setBudgetMax(BigDecimal v) { budgetMax = v; }
    public Integer getTrl() { return trl; }
    public void setTrl(Integer v) { trl = v; }
    public String getIpStance() { return ipStance; }
    public void setIpStance(String v) { ipStance = v; }
    public String getVisibility() { return visibility; }
    public void setVisibility(String v) { visibility = v; }
    public LocalDate getDeadline() { return deadline; }
    public void setDeadline(LocalDate v) { deadline = v; }
    public String getParties() { return parties; }
    public void setParties(String v) { parties = v; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer v) { version = v; }
}
