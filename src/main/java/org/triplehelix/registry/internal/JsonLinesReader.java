package org.triplehelix.registry.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Lines: one object a line; blank lines are skipped; a line that is not a JSON object is unreadable. */
public final class JsonLinesReader implements RecordReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String file;
    private final InputStream input;

    public JsonLinesReader(String file, InputStream input) {
        this.file = file;
        this.input = input;
    }

    @Override
    public void read(Consumer<RawRecord> sink, LongConsumer bytesRead) throws IOException {
        CountingInputStream counting = new CountingInputStream(input);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!line.isBlank()) {
                    sink.accept(parse(line, number));
                }
                if ((number & 1023) == 0) {
                    bytesRead.accept(counting.count());
                }
            }
            bytesRead.accept(counting.count());
        }
    }

    private RawRecord parse(String line, long number) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                return RawRecord.unreadable(file, number, "not a JSON object", "registry.import.error.notObject");
            }
            return RawRecord.of(file, number, node);
        } catch (JacksonException e) {
            return RawRecord.unparsable(file, number, "invalid JSON: " + e.getOriginalMessage(),
                    "registry.import.error.json", e.getOriginalMessage());
        }
    }
}
