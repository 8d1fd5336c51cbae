package org.triplehelix.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    @ParameterizedTest
    @ValueSource(strings = {"violet-kettle-harbor-93", "correct battery horse lantern", "光谷科创中心的密码足够长吧", "Qm7#vL2!pX9@wR4$", "tea at 4pm in Wuchang"})
    void acceptsLongUnguessablePasswords(String password) {
        assertThat(PasswordPolicy.problem(password, "li.wei@example.org", "Li Wei")).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "short, tooShort",
            "elevenchars, tooShort",
            "aaaaaaaaaaaa, repetitive",
            "abcabcabcabc, repetitive",
            "passwordpassword, repetitive",
            "123456789012, common",
            "abcdefghijklmn, common",
            "qwertyuiop123, common",
            "1q2w3e4r5t6y, common",
            "P@ssw0rd2024!, common",
            "admin@1234567, common",
            "woaini13145200, common",
            "Welcome2025!!, common",
            "TripleHelix2025, common",
            "li.wei@example.org!, personal",
            "li.wei-rocks-9876, personal",
            "liwei-likes-tea-92, personal",
    })
    void refusesWeakPasswords(String password, String problem) {
        assertThat(PasswordPolicy.problem(password, "li.wei@example.org", "Li Wei")).isEqualTo(problem);
    }

    @org.junit.jupiter.api.Test
    void refusesMoreThanBcryptReads() {
        String seventyThreeBytes = "長".repeat(24) + "x"; // 24 × 3 bytes + 1
        assertThat(PasswordPolicy.problem(seventyThreeBytes, null, null)).isEqualTo("tooLong");
        assertThat(PasswordPolicy.problem("長城" + "abcd-efgh-".repeat(6), null, null)).isNull();
    }

    @org.junit.jupiter.api.Test
    void checkThrowsWithTheFieldAndAMessageKey() {
        assertThatThrownBy(() -> PasswordPolicy.check("short", "a@b.org", "A"))
                .isInstanceOfSatisfying(AccountInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("password");
                    assertThat(e.messageKey()).isEqualTo("access.password.tooShort");
                    assertThat(e.getMessage()).contains("12");
                });
    }
}
