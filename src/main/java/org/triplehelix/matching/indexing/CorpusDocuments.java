package org.triplehelix.matching.indexing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IllustrativeLabel;
import org.triplehelix.matching.IndexDocument;
import org.triplehelix.registry.RegistryCorpus;

/**
 * How registry records become index documents: what is searchable as the title (what a thing is
 * called, its keywords), what as the body (its description), what gets embedded, and how it links
 * to people and organizations.
 *
 * <p>A person's name is the title of their profile, their disciplines, keywords and description its
 * body: the ranking matches topics against the body only, since a name says nothing about what its
 * bearer works on. Their job title (教授) is neither.
 *
 * <p>An illustrative record keeps the demo's label in its title and body (the pages show them), and
 * is flagged so that the engines analyze them without it; its embedding text goes without it too
 * ({@link IllustrativeLabel}).
 */
public final class CorpusDocuments {

    private final Function<String, String> clip;

    /** {@code clip} cuts an embedding text to what is worth its cost (see Embeddings.clip). */
    public CorpusDocuments(Function<String, String> clip) {
        this.clip = clip;
    }

    public IndexDocument output(RegistryCorpus.Output o) {
        return new IndexDocument(EntityKind.OUTPUT, o.extId(), o.titleZh(), o.titleEn(), o.abstractZh(), o.abstractEn(),
                o.keywords(), o.type(), null, o.region(), o.discipline(), o.year(), o.people(), o.organizations(), null,
                embedding(o.illustrative(), o.titleZh(), o.titleEn(), String.join("；", o.keywords()), o.abstractZh(), o.abstractEn()),
                null, o.illustrative());
    }

    public IndexDocument person(RegistryCorpus.Person p) {
        List<String> topics = Stream.concat(p.disciplines().stream(), p.keywords().stream()).toList();
        return new IndexDocument(EntityKind.PERSON, p.extId(), p.nameZh(), p.nameEn(),
                join(String.join("；", p.disciplines()), han(p.keywords(), true), p.descriptionZh()),
                join(han(p.keywords(), false), p.descriptionEn()), p.keywords(), null,
                p.organizationType(), p.region(), p.disciplines().isEmpty() ? null : p.disciplines().getFirst(), null,
                List.of(p.extId()), p.organization() == null ? List.of() : List.of(p.organization()), null,
                embedding(p.illustrative(), String.join("；", topics), p.descriptionZh(), p.descriptionEn()), null, p.illustrative());
    }

    public IndexDocument organization(RegistryCorpus.Organization g) {
        return new IndexDocument(EntityKind.ORGANIZATION, g.extId(), g.nameZh(), g.nameEn(), g.descriptionZh(),
                g.descriptionEn(), List.of(), g.type(), g.type(), g.region(), null, null, List.of(),
                List.of(g.extId()), null, embedding(g.illustrative(), g.nameZh(), g.nameEn(), g.descriptionZh(), g.descriptionEn()), null,
                g.illustrative());
    }

    public IndexDocument facility(RegistryCorpus.Facility f) {
        return facility(f, null);
    }

    /**
     * A facility with what its profile in the facilities module says it can do (model, maker,
     * capabilities, location; null when it has no profile), searched and embedded with its description.
     */
    public IndexDocument facility(RegistryCorpus.Facility f, String capabilities) {
        return new IndexDocument(EntityKind.FACILITY, f.extId(), f.nameZh(), f.nameEn(), join(f.descriptionZh(), capabilities),
                join(f.descriptionEn(), capabilities), f.keywords(), f.type(), f.type(), f.region(), null, null, List.of(),
                f.organization() == null ? List.of() : List.of(f.organization()), null,
                embedding(f.illustrative(), f.nameZh(), f.nameEn(), String.join("；", f.keywords()), f.descriptionZh(), f.descriptionEn(),
                        capabilities), null, f.illustrative());
    }

    /** The text that represents a record in the embedding space: its parts joined (an illustrative one's without the label), cut to a length. */
    String embedding(boolean illustrative, String... parts) {
        String text = Stream.of(parts).map(part -> IllustrativeLabel.strip(part, illustrative)).filter(Objects::nonNull)
                .map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("\n"));
        return text.isEmpty() ? null : clip.apply(text);
    }

    /** The Chinese (or the other) keywords, joined. */
    private static String han(List<String> keywords, boolean chinese) {
        return keywords.stream().filter(k -> org.triplehelix.shared.Text.containsHan(k) == chinese).collect(Collectors.joining("；"));
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part.strip());
            }
        }
        return present.isEmpty() ? null : String.join("\n", present);
    }
}
