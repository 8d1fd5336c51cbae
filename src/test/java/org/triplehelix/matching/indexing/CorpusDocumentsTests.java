package org.triplehelix.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexDocument;
import org.triplehelix.registry.RegistryCorpus;

/** A facility's document holds what its profile says it can do, searched and embedded. */
class CorpusDocumentsTests {

    private final CorpusDocuments documents = new CorpusDocuments(Function.identity());

    private final RegistryCorpus.Facility microscope = new RegistryCorpus.Facility("demo-tem", "instrument",
            "透射电子显微镜", "Transmission electron microscope", "demo-lab", "原子尺度成像", null, List.of("电镜"), "420100", null, false);

    @Test
    void aFacilityWithAProfileIsSearchedByItsCapabilities() {
        IndexDocument document = documents.facility(microscope, "球差校正 STEM 能谱面扫 Cs-corrected STEM, EDS mapping");

        assertThat(document.kind()).isEqualTo(EntityKind.FACILITY);
        assertThat(document.bodyZh()).contains("原子尺度成像").contains("球差校正");
        assertThat(document.bodyEn()).contains("EDS mapping");
        assertThat(document.embeddingText()).contains("透射电子显微镜").contains("球差校正");
        assertThat(document.organizations()).containsExactly("demo-lab");
    }

    @Test
    void aFacilityWithoutAProfileKeepsItsRegistryText() {
        IndexDocument document = documents.facility(microscope);

        assertThat(document.bodyZh()).isEqualTo("原子尺度成像");
        assertThat(document.embeddingText()).doesNotContain("球差校正").contains("电镜");
    }
}
