package org.triplehelix.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A form's list field (the demand's keywords, a person's disciplines): shown one a line and read back exactly; typed on one line, separated as before. */
class FormListsTests {

    /** What the browser posts back of a textarea left as it was shown: its line breaks as CRLF. */
    private static String unchanged(String shown) {
        return shown.replace("\n", "\r\n");
    }

    @Test
    void everyListReadsBackExactly() {
        for (List<String> items : List.of(List.of("锂离子电池,正极"), List.of("Li-ion, cathode", "硅碳负极"),
                List.of("涂布；辊压、分切", "a;b", "单个"), List.of("正极"), List.<String>of())) {
            assertThat(FormLists.items(FormLists.lines(items))).as(items.toString()).containsExactlyElementsOf(items);
            assertThat(FormLists.items(unchanged(FormLists.lines(items)))).containsExactlyElementsOf(items);
        }
        assertThat(FormLists.lines(null)).isEmpty();
        assertThat(FormLists.lines(List.of("a,b"))).isEqualTo("a,b\n");
    }

    @Test
    void itemsTypedOnOneLineAreSeparatedByCommasSemicolonsOrTheEnumerationComma() {
        assertThat(FormLists.items("a, b、c")).containsExactly("a", "b", "c");
        assertThat(FormLists.items("钠离子电池，正极材料；电解液;隔膜, ,")).containsExactly("钠离子电池", "正极材料", "电解液", "隔膜");
        assertThat(FormLists.items("  ")).isEmpty();
        assertThat(FormLists.items(null)).isEmpty();
    }

    @Test
    void itemsOnSeveralLinesAreOneALineCommasAndAll() {
        assertThat(FormLists.items("a, b\r\n c、d \n\n")).containsExactly("a, b", "c、d");
        assertThat(FormLists.items("正极\r负极")).containsExactly("正极", "负极");
        assertThat(FormLists.items("正极, 负极\n")).containsExactly("正极, 负极");
        assertThat(FormLists.hasLineBreak("a,b")).isFalse();
        assertThat(FormLists.hasLineBreak("a,b\r")).isTrue();
    }
}
