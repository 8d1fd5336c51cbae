package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's label is left out of what an illustrative record is matched on, and only of that. */
class IllustrativeLabelTests {

    @Test
    void theDemoLabelsGoFromAnIllustrativeRecordsText() {
        assertThat(IllustrativeLabel.strip("800G硅光模块的光电共封装工艺（示例）", true)).isEqualTo("800G硅光模块的光电共封装工艺");
        assertThat(IllustrativeLabel.strip("Chen Qiming (illustrative)", true)).isEqualTo("Chen Qiming");
        assertThat(IllustrativeLabel.strip("示例数据 / Illustrative: 现有800G光模块耦合损耗偏高", true)).isEqualTo("现有800G光模块耦合损耗偏高");
        assertThat(IllustrativeLabel.strip("示例型号 AB-123\n示例厂商 Illustrative Instruments\n示例地点：光电子信息湖北实验室 实验楼 3 层 "
                + "Illustrative: Hubei Laboratory of Optoelectronic Information, lab building, floor 3", true))
                .isEqualTo("AB-123\n\n光电子信息湖北实验室 实验楼 3 层 Hubei Laboratory of Optoelectronic Information, lab building, floor 3");
        assertThat(IllustrativeLabel.strip("（示例）", true)).isNull();
    }

    @Test
    void aRealRecordKeepsEveryWord() {
        assertThat(IllustrativeLabel.strip("教学示例（示例）", false)).isEqualTo("教学示例（示例）");
        assertThat(IllustrativeLabel.strip(null, true)).isNull();
    }

    @Test
    void theIndexAnalyzesAnIllustrativeDocumentWithoutTheLabelAndShowsItWithIt() {
        IndexDocument demand = new IndexDocument(EntityKind.DEMAND, "demo-demand-01", "800G硅光模块的光电共封装工艺（示例）",
                "Co-packaged optics for 800G silicon photonics modules (illustrative)", "示例数据 / Illustrative: 耦合损耗偏高",
                "示例数据 / Illustrative: coupling loss is too high", List.of("硅光"), "public", null, null, null, null, List.of(),
                List.of(), "open", null, null, true);

        IndexDocument analyzed = demand.analyzed();
        assertThat(analyzed.titleZh()).isEqualTo("800G硅光模块的光电共封装工艺");
        assertThat(analyzed.titleEn()).isEqualTo("Co-packaged optics for 800G silicon photonics modules");
        assertThat(analyzed.bodyZh()).isEqualTo("耦合损耗偏高");
        assertThat(analyzed.bodyEn()).isEqualTo("coupling loss is too high");
        assertThat(analyzed.keywords()).containsExactly("硅光");
        assertThat(demand.titleZh()).as("the record as pages show it").endsWith("（示例）");
        assertThat(demand.withVector(new float[] {1f}).illustrative()).isTrue();
    }

    @Test
    void anIllustrativeDemandIsMatchedOnItsOwnWords() {
        Demand demand = new Demand("demo-demand-01", "800G硅光模块的光电共封装工艺（示例）", "Co-packaged optics (illustrative)",
                "示例数据 / Illustrative: 耦合损耗偏高", null, List.of("硅光"), null, null, null, null, null, null, null, null,
                Demand.Visibility.PUBLIC, null, Demand.Status.OPEN, null, List.of(), null, null, 0, true, null);

        assertThat(demand.matchText()).isEqualTo("800G硅光模块的光电共封装工艺\nCo-packaged optics\n硅光\n耦合损耗偏高")
                .doesNotContain("示例").doesNotContainIgnoringCase("illustrative");
    }
}
