package org.triplehelix.matching;

import java.util.List;

/**
 * One entity as the search index holds it, whatever the engine behind {@link SearchIndex}.
 *
 * <p>{@code title} is what the entity is called (an output's title, a person's or an organization's
 * name); {@code body} is its descriptive text (abstract, description, disciplines); both bilingual.
 * {@code people} and {@code organizations} are the external ids it is linked to (an output's authors
 * and institutions; a person's organization), {@code tier} the type of the organization behind it.
 * {@code embeddingText} is what gets embedded (null when there is nothing worth embedding), and
 * {@code vector} its embedding once computed. {@code illustrative} marks a fictitious demo record, whose
 * title and body carry the demo's label for the pages and leave it out of what is analyzed
 * ({@link #analyzed()}).
 */
public record IndexDocument(EntityKind kind, String extId, String titleZh, String titleEn, String bodyZh, String bodyEn,
                            List<String> keywords, String type, String tier, String region, String discipline,
                            Integer year, List<String> people, List<String> organizations, String status,
                            String embeddingText, float[] vector, boolean illustrative) {

    public IndexDocument {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        people = people == null ? List.of() : List.copyOf(people);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        embeddingText = embeddingText == null || embeddingText.isBlank() ? null : embeddingText;
    }

    public String key() {
        return kind.id() + ":" + extId;
    }

    public IndexDocument withVector(float[] embedding) {
        return new IndexDocument(kind, extId, titleZh, titleEn, bodyZh, bodyEn, keywords, type, tier, region, discipline,
                year, people, organizations, status, embeddingText, embedding, illustrative);
    }

    /**
     * The texts as the engines analyze them: an illustrative record's title and body without the
     * demo's label ({@link IllustrativeLabel}); the record itself, as the pages show it, keeps it.
     */
    public IndexDocument analyzed() {
        if (!illustrative) {
            return this;
        }
        return new IndexDocument(kind, extId, IllustrativeLabel.strip(titleZh, true), IllustrativeLabel.strip(titleEn, true),
                IllustrativeLabel.strip(bodyZh, true), IllustrativeLabel.strip(bodyEn, true), keywords, type, tier, region,
                discipline, year, people, organizations, status, embeddingText, vector, true);
    }

    /** The title in Chinese if there is one, else in English. */
    public String title() {
        return titleZh != null ? titleZh : titleEn;
    }

    public String title(boolean english) {
        return english ? (titleEn != null ? titleEn : titleZh) : title();
    }
}
