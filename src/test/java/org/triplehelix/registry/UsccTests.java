package org.triplehelix.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.triplehelix.shared.InvalidInputException;

class UsccTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43",   // the example of GB 32100-2015's explanations
            "914403001922038216",   // Huawei Technologies Co., Ltd.
            "9144030071526726XG",   // Shenzhen Tencent Computer Systems Co., Ltd.
            "12100000400000624D",   // a public institution (category 1, code 2)
            "91110000802100433B"})  // an enterprise registered in Beijing
    void acceptsValidCodes(String code) {
        assertThat(Uscc.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "914403001922038217", "9144030071526726XH"})
    void refusesABadChecksum(String code) {
        assertThatThrownBy(() -> Uscc.of(code)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("checksum")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("uscc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9135010", "91350100M000100Y431", "91350100M00O100Y43", "91350100I000100Y43", "913A0100M000100Y43"})
    void refusesMalformedCodes(String code) {
        assertThatThrownBy(() -> Uscc.of(code)).isInstanceOf(InvalidInputException.class);
    }

    @org.junit.jupiter.api.Test
    void normalizesCaseAndSpaces() {
        assertThat(Uscc.of(" 9144030071526726xg ").value()).isEqualTo("9144030071526726XG");
    }
}
