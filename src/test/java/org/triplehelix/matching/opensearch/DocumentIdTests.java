package org.triplehelix.matching.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Document ids within OpenSearch's 512-byte limit: short keys as they are, long ones hashed, distinct. */
class DocumentIdTests {

    @Test
    void aShortKeyIsItsOwnId() {
        assertThat(OpenSearchSearchIndex.documentId("output:out-01")).isEqualTo("output:out-01");
    }

    @Test
    void aKeyOverFiveHundredTwelveBytesIsHashedWithinTheLimit() {
        String longKey = "output:nssfc-" + "~2".repeat(300);
        String otherKey = "output:nssfc-" + "~2".repeat(301);
        String id = OpenSearchSearchIndex.documentId(longKey);
        assertThat(id).startsWith("output:#").hasSize("output:#".length() + 64);
        assertThat(id.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(512);
        assertThat(OpenSearchSearchIndex.documentId(otherKey)).isNotEqualTo(id);
        assertThat(OpenSearchSearchIndex.documentId("person:" + "研".repeat(171))).startsWith("person:#"); // 513 bytes in UTF-8
    }
}
