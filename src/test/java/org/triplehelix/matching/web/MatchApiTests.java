package org.triplehelix.matching.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.web.JsonRefusal;
import tools.jackson.databind.json.JsonMapper;

/** What {@code /api/v1/match} refuses in its body and filters, naming the field, instead of answering something else. */
class MatchApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static InvalidInputException refusal(String body) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> JSON.readValue(body, MatchApi.MatchBody.class));
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException refused) {
                return refused;
            }
        }
        throw new AssertionError("not refused: " + body, thrown);
    }

    @Test
    void anUnknownFieldOfTheBodyOrItsFiltersIsRefusedByName() {
        assertThat(refusal("{\"text\": \"电池\", \"targte\": \"organization\"}").field()).isEqualTo("targte");
        InvalidInputException filter = refusal("{\"text\": \"电池\", \"filters\": {\"type\": [\"patent\"]}}");
        assertThat(filter.field()).isEqualTo("filters.type");
        assertThat(filter.getMessage()).contains("unknown field filters.type");
        MatchApi.MatchBody body = JSON.readValue("{\"text\": \"电池\", \"filters\": {\"types\": [\"patent\"], \"yearFrom\": 2010}}",
                MatchApi.MatchBody.class);
        assertThat(body.filters().toFilter(EntityKind.PERSON).types()).containsExactly("patent");
    }

    /** A text that is a number, true or a list was matched as "5" (or refused without naming it): refused as a wrong type, naming text. */
    @Test
    void aTextThatIsNoStringIsRefusedNamingText() {
        for (String text : new String[] {"5", "true", "[\"a\"]", "{\"zh\": \"电池\"}"}) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> JSON.readValue("{\"text\": " + text + ", \"target\": \"person\"}", MatchApi.MatchBody.class));
            assertThat(thrown).as(text).isInstanceOf(tools.jackson.core.JacksonException.class);
            InvalidInputException refused = JsonRefusal.of((tools.jackson.core.JacksonException) thrown);
            assertThat(refused).as(text).isNotNull();
            assertThat(refused.field()).isEqualTo("text");
            assertThat(refused.getMessage()).isEqualTo("text must be a text");
        }
        assertThat(JSON.readValue("{\"text\": \"5\"}", MatchApi.MatchBody.class).text()).isEqualTo("5");
        assertThat(JSON.readValue("{\"text\": null}", MatchApi.MatchBody.class).text()).isNull();
    }

    @Test
    void yearsThatRunBackwardsAreRefused() {
        assertThatThrownBy(() -> MatchApi.filter(EntityKind.PERSON, "filters.", null, null, null, null, 2020, 2010))
                .isInstanceOf(InvalidInputException.class).hasMessage("yearTo 2010 is before yearFrom 2020")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("filters.yearTo");
        assertThat(MatchApi.filter(EntityKind.PERSON, "", null, null, null, null, 2010, 2010).yearFrom()).isEqualTo(2010);
    }

    @Test
    void aTypeOrTierTheIndexDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> MatchApi.filter(EntityKind.OUTPUT, "", Set.of("widget"), null, null, null, null, null))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("type");
        assertThatThrownBy(() -> MatchApi.filter(EntityKind.ORGANIZATION, "filters.", null, Set.of("castle"), null, null, null, null))
                .hasMessageContaining("unknown filters.tiers value \"castle\"");
        // a facility's types are a facility's, not an output's
        assertThatThrownBy(() -> MatchApi.filter(EntityKind.FACILITY, "", Set.of("patent"), null, null, null, null, null))
                .hasMessageContaining("major_facility, instrument");
        SearchFilter known = MatchApi.filter(EntityKind.FACILITY, "", Set.of("instrument"), Set.of("university"), Set.of("火星"),
                null, null, null);
        assertThat(known.types()).containsExactly("instrument");
    }
}
