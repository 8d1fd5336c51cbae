package org.triplehelix.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.triplehelix.shared.InvalidInputException;

class OrcidTests {

    @ParameterizedTest
    @ValueSource(strings = {"0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"}) // ORCID's documented examples
    void acceptsValidIds(String id) {
        assertThat(Orcid.of(id).value()).isEqualTo(id);
    }

    @Test
    void acceptsTheUriFormAndKeepsTheBareOne() {
        assertThat(Orcid.of("https://orcid.org/0000-0002-1825-0097").value()).isEqualTo("0000-0002-1825-0097");
        assertThat(Orcid.of("http://orcid.org/0000-0002-1694-233x").value()).isEqualTo("0000-0002-1694-233X");
        assertThat(Orcid.of("0000-0002-1825-0097").uri()).isEqualTo("https://orcid.org/0000-0002-1825-0097");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-0002-1825-0098", "0000-0001-5109-370X", "0000-0002-1694-2330"})
    void refusesABadChecksum(String id) {
        assertThatThrownBy(() -> Orcid.of(id)).isInstanceOf(InvalidInputException.class).hasMessageContaining("checksum");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0000000218250097", "0000-0002-1825-009", "https://example.org/0000-0002-1825-0097", "A000-0002-1825-0097"})
    void refusesMalformedIds(String id) {
        assertThatThrownBy(() -> Orcid.of(id)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("orcid");
    }
}
