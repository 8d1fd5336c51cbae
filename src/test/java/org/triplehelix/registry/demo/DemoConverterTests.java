package org.triplehelix.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converters rebuild the committed demo byte for byte from the repository's copies of the sources. */
class DemoConverterTests {

    private static final Path SOURCES = Path.of("data-sources");
    private static final Path BUNDLED = Path.of("src/main/resources/demo");

    @Test
    void rebuildingFromTheRepositoryCopiesGivesTheCommittedFiles(@TempDir Path out) throws IOException {
        Map<String, Integer> counts = new DemoConverter(SOURCES, out).convert();
        assertThat(counts).containsKeys("universities.jsonl", "ror.jsonl", "nssfc.jsonl", "csl.jsonl", "illustrative.jsonl");
        for (String file : counts.keySet()) {
            assertThat(Files.mismatch(out.resolve(file), BUNDLED.resolve(file))).as(file).isEqualTo(-1L);
        }
        assertThat(Files.mismatch(out.resolve(DemoConverter.MANIFEST), BUNDLED.resolve(DemoConverter.MANIFEST))).isEqualTo(-1L);
    }

    @Test
    void illustrativeCreditCodesCarryBothCheckCharacters() {
        String code = UsccCode.illustrative("420111", 1);
        assertThat(code).hasSize(18).startsWith("91420111DEM00001");
        assertThat(DemoDataTests.isValidUscc(code)).isTrue();
        assertThat(UsccCode.organizationCheck("D2143569")).isEqualTo('X'); // GB 11714 example: D2143569-X
    }

    @Test
    void rorTypesMapByTypeAndName() {
        assertThat(OrganizationConverter.type(ror("Facility", "State Key Laboratory of Virology", "病毒学国家重点实验室")))
                .isEqualTo("national_key_laboratory");
        assertThat(OrganizationConverter.type(ror("facility", "Optics Valley Laboratory", "湖北光谷实验室")))
                .isEqualTo("provincial_laboratory");
        assertThat(OrganizationConverter.type(ror("Facility", "Shanghai Synchrotron Radiation Facility", "上海同步辐射光源")))
                .isEqualTo("major_facility");
        assertThat(OrganizationConverter.type(ror("Facility", "Institute of Hydrobiology", "武汉水生生物研究所")))
                .isEqualTo("research_institute");
        assertThat(OrganizationConverter.type(ror("company", "Alibaba Group (China)", null))).isEqualTo("enterprise");
        assertThat(OrganizationConverter.type(ror("Nonprofit", "Chinese Nutrition Society", "中国营养学会"))).isEqualTo("other");
    }

    @Test
    void regionsResolveFromPinyinAndIsoCodes() {
        assertThat(Regions.province("Ningxia Hui Autonomous Region")).map(Regions.Province::zh).hasValue("宁夏回族自治区");
        assertThat(Regions.province("SN")).map(Regions.Province::zh).hasValue("陕西省");
        assertThat(Regions.province("Shanxi")).map(Regions.Province::zh).hasValue("山西省");
        assertThat(Regions.hubeiPrefecture("Yichangshi", "Guizhou")).hasValue("宜昌市");
        assertThat(Regions.hubeiPrefecture("Xiangfan")).hasValue("襄阳市");
        assertThat(Regions.hubeiPrefectureIn("中共孝感市委党校")).hasValue("孝感市");
    }

    private static RorOrganization ror(String type, String en, String zh) {
        return new RorOrganization("https://ror.org/0000000x0", en, zh, java.util.List.of(type.toLowerCase()), "Hubei",
                java.util.List.of("Wuhan"), null, null, "active", java.util.List.of());
    }
}
