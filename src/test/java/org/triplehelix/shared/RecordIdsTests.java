package org.triplehelix.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An id holds no whitespace of any kind; everything else it may hold stays allowed. A list item holds no line break. */
class RecordIdsTests {

    @Test
    void anIdHoldingWhitespaceOfAnyKindIsRefusedNamingItsField() {
        // space, tab, LF, CR, the ideographic space, the no-break spaces Java's isWhitespace leaves out, NEL, the line separator
        for (String id : List.of("a b", "a\tb", "a\nb", "a\rb", "a\u3000b", "a\u00a0b", "a\u2007b", "a\u202fb", "a\u0085b", "a\u2028b",
                "a\u2003b", "a\u000bb", "a\u001fb")) {
            assertThat(RecordIds.holdsSpace(id)).as("%s", id.codePointAt(1)).isTrue();
            assertThatThrownBy(() -> RecordIds.requireNoSpace("id", id)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.field()).isEqualTo("id");
                assertThat(e.key()).isEqualTo("input.idWhitespace");
                assertThat(e.args()).containsExactly(id);
            });
        }
    }

    @Test
    void whatAnIdHeldBeforeWhitespaceWasRefusedStaysAllowed() {
        for (String id : List.of("org,x", "org;y", "华中科技大学", "a.b:c~d-e_f", "a/b?c#d", "a\u200bb", "10.1000/xyz")) {
            assertThat(RecordIds.requireNoSpace("id", id)).isEqualTo(id);
        }
        assertThat(RecordIds.holdsSpace(null)).isFalse();
    }

    @Test
    void aListItemHoldingALineBreakIsRefusedNamingItsPosition() {
        ListItems.requireOneLine("keywords", List.of("a, b", "c d", "涂布；辊压"));
        for (String item : List.of("a\nb", "a\r\nb", "a\rb", "a\u2028b", "a\u0085b", "a\u000bb")) {
            assertThatThrownBy(() -> ListItems.requireOneLine("keywords", List.of("x", "y", item)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("keywords[2]");
                        assertThat(e.getMessage()).startsWith("keywords[2] holds a line break");
                        assertThat(e.key()).isEqualTo("input.itemLineBreak");
                        assertThat(e.args()).containsExactly("keywords[2]");
                    });
        }
    }
}
