package org.triplehelix.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.triplehelix.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A JSON value of the wrong type named by its place in the body; a map's key of the wrong type named as the key. */
class JsonRefusalTests {

    record Draft(String plan, Map<Integer, BigDecimal> commitments) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    private InvalidInputException refusal(String body) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> json.readValue(body, Draft.class));
        return JsonRefusal.of(e);
    }

    @Test
    void aKeyOfTheWrongTypeIsNamedAsTheKeyNotBlamedOnTheValue() {
        InvalidInputException refusal = refusal("{\"plan\": \"p\", \"commitments\": {\"abc\": 1}}");
        assertThat(refusal.field()).isEqualTo("commitments");
        assertThat(refusal.getMessage()).isEqualTo("commitments: abc is not a valid key (each key must be a whole number)");
    }

    @Test
    void aValueOfTheWrongTypeInAMapStillNamesItsPlace() {
        InvalidInputException refusal = refusal("{\"plan\": \"p\", \"commitments\": {\"1\": \"much\"}}");
        assertThat(refusal.field()).isEqualTo("commitments.1");
        assertThat(refusal.getMessage()).isEqualTo("commitments.1 must be a number");
    }

    @Test
    void aFieldOfTheWrongTypeSaysWhatItMustBe() {
        InvalidInputException refusal = refusal("{\"plan\": [1], \"commitments\": {}}");
        assertThat(refusal.field()).isEqualTo("plan");
        assertThat(refusal.getMessage()).isEqualTo("plan must be a text");
    }
}
