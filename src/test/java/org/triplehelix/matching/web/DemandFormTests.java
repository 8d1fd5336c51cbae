package org.triplehelix.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The demand form's keywords: shown one a line and read back exactly; typed on one line, separated as before. */
class DemandFormTests {

    /** What the browser posts back of a textarea left as it was shown: its line breaks as CRLF. */
    private static String unchanged(String shown) {
        return shown.replace("\n", "\r\n");
    }

    @Test
    void everyKeywordListReadsBackExactly() {
        for (List<String> keywords : List.of(List.of("锂离子电池,正极"), List.of("Li-ion, cathode", "硅碳负极"),
                List.of("涂布；辊压、分切", "a;b", "单个"), List.of("正极"), List.<String>of())) {
            assertThat(DemandForm.keywords(DemandForm.keywordLines(keywords))).as(keywords.toString()).containsExactlyElementsOf(keywords);
            assertThat(DemandForm.keywords(unchanged(DemandForm.keywordLines(keywords)))).containsExactlyElementsOf(keywords);
        }
    }

    @Test
    void keywordsTypedOnOneLineAreSeparatedByCommasSemicolonsOrTheEnumerationComma() {
        assertThat(DemandForm.keywords("a, b、c")).containsExactly("a", "b", "c");
        assertThat(DemandForm.keywords("钠离子电池，正极材料；电解液;隔膜, ,")).containsExactly("钠离子电池", "正极材料", "电解液", "隔膜");
        assertThat(DemandForm.keywords("  ")).isEmpty();
        assertThat(DemandForm.keywords(null)).isEmpty();
    }

    @Test
    void keywordsOnSeveralLinesAreOneALineCommasAndAll() {
        assertThat(DemandForm.keywords("a, b\r\n c、d \n\n")).containsExactly("a, b", "c、d");
        assertThat(DemandForm.keywords("正极\r负极")).containsExactly("正极", "负极");
    }
}
