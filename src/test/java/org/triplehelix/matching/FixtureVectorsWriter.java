package org.triplehelix.matching;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.triplehelix.matching.embedding.BgeSmallZhEmbedder;

/**
 * Writes the fixture's vectors with the real model, once, when the fixture changes:
 * {@code ./mvnw -o -q test -Dtest=FixtureVectorsWriter -Dfixture.vectors=write}. Skipped otherwise.
 */
@EnabledIfSystemProperty(named = "fixture.vectors", matches = "write")
class FixtureVectorsWriter {

    @Test
    void writeVectors() throws IOException {
        Set<String> texts = new LinkedHashSet<>();
        Fixture.documents().stream().map(IndexDocument::embeddingText).filter(t -> t != null).forEach(texts::add);
        texts.addAll(Fixture.queries().values());
        BgeSmallZhEmbedder model = new BgeSmallZhEmbedder(2, 2);
        List<String> lines = new ArrayList<>();
        for (String text : texts) {
            float[] vector = model.embed(text);
            ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4);
            bytes.asFloatBuffer().put(vector);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            row.put("text", text);
            row.put("vector", Base64.getEncoder().encodeToString(bytes.array()));
            lines.add(Fixture.JSON.writeValueAsString(row));
        }
        Files.write(Path.of("src/test/resources" + Fixture.DIR + "vectors.jsonl"), lines, StandardCharsets.UTF_8);
    }
}
