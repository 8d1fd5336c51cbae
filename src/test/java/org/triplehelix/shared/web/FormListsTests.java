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

    /** A list of ids shown one a line reads back exactly, an id holding a comma or a semicolon whole, each as often as given. */
    @Test
    void everyListOfIdsReadsBackExactly() {
        for (List<String> ids : List.of(List.of("org,x"), List.of("org,x", "org;y", "org-a"), List.of("a", "a"), List.<String>of())) {
            assertThat(FormLists.ids(FormLists.lines(ids))).as(ids.toString()).containsExactlyElementsOf(ids);
            assertThat(FormLists.ids(unchanged(FormLists.lines(ids)))).containsExactlyElementsOf(ids);
        }
    }

    /** Typed on one line, ids are separated as the forms separated them before: whitespace, commas, semicolons (and 、). */
    @Test
    void idsTypedOnOneLineAreSeparatedByWhitespaceCommasOrSemicolons() {
        assertThat(FormLists.ids("org-a, org-b")).containsExactly("org-a", "org-b");
        assertThat(FormLists.ids("org-a org-b")).containsExactly("org-a", "org-b");
        assertThat(FormLists.ids("org-a；org-b，org-c、org-d;org-e\torg-f\u3000org-g\u00a0org-h")).containsExactly(
                "org-a", "org-b", "org-c", "org-d", "org-e", "org-f", "org-g", "org-h");
        assertThat(FormLists.ids(" , ")).isEmpty();
        assertThat(FormLists.ids(null)).isEmpty();
    }

    /** On several lines an id is a line, commas and all; whitespace, which no id holds, still separates ids on a line. */
    @Test
    void idsOnSeveralLinesKeepTheirCommasAndAreSeparatedByWhitespace() {
        assertThat(FormLists.ids("org,x\r\n org;y \r\n\r\norg-a org-b\n")).containsExactly("org,x", "org;y", "org-a", "org-b");
        assertThat(FormLists.ids("org,x\n")).containsExactly("org,x");
    }
}
