package org.triplehelix.registry.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Writes records as JSON Lines: UTF-8, one compact object a line, {@code \n} line ends, so runs are byte-identical. */
final class JsonLinesFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLinesFile() {
    }

    static int write(Path file, List<Record> records) {
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (Record record : records) {
                writer.write(JSON.writeValueAsString(record.node()));
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return records.size();
    }
}
