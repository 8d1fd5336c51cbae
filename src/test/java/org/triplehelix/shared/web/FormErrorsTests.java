package org.triplehelix.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.triplehelix.shared.InvalidInputException;

/** A service's refusal on a page form: by its message key when it has one, else "refused" with the English reason. */
class FormErrorsTests {

    @Test
    void aRefusalWithAKeyIsShownByItsKeyOnTheInputNamed() {
        FormErrors errors = FormErrors.refusal("titleZh",
                new InvalidInputException("title", "any English wording", "matching.demand.error.tooLong", 200));

        assertThat(errors.fields()).containsExactly("titleZh");
        assertThat(errors.key("titleZh")).isEqualTo("matching.demand.error.tooLong");
        assertThat(errors.args("titleZh")).containsExactly("200");
    }

    @Test
    void aRefusalWithoutAKeyIsRefusedWithItsEnglishReason() {
        FormErrors errors = FormErrors.refusal("extId", new InvalidInputException("extId", "an id is 1–100 letters"));

        assertThat(errors.key("extId")).isEqualTo("form.refused");
        assertThat(errors.args("extId")).containsExactly("an id is 1–100 letters");
    }

    @Test
    void theExistingConstructorHasNoKey() {
        InvalidInputException e = new InvalidInputException("k", "k is 1 to 1000");

        assertThat(e.key()).isNull();
        assertThat(e.args()).isEmpty();
        assertThat(e.field()).isEqualTo("k");
        assertThat(e.getMessage()).isEqualTo("k is 1 to 1000");
    }

    @Test
    void aRefusedFieldIsDescribedByTheMessageThatFieldErrorWrites() {
        FormErrors errors = FormErrors.of("share", "form.refused", "1 to 100");

        assertThat(errors.describedBy("share")).isEqualTo("f-share-error");
        assertThat(errors.invalid("share")).isEqualTo("true");
        assertThat(errors.describedBy("name")).as("a field not refused gets no aria-describedby at all").isNull();
        assertThat(FormErrors.none().describedBy("share")).isNull();
    }
}
