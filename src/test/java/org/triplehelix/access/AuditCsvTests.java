package org.triplehelix.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditCsvTests {

    @Test
    void neutralizesSpreadsheetFormulas() {
        assertThat(AuditLog.safe("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(AuditLog.safe("+1")).isEqualTo("'+1");
        assertThat(AuditLog.safe("-2")).isEqualTo("'-2");
        assertThat(AuditLog.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditLog.safe("{\"name\": \"x\"}")).isEqualTo("{\"name\": \"x\"}");
        assertThat(AuditLog.safe(null)).isNull();
    }

    @Test
    void escapesLikeWildcards() {
        assertThat(AccountRepository.likeEscaped("100%_a\\b")).isEqualTo("100\\%\\_a\\\\b");
    }
}
