package org.triplehelix.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Lines: one object a line; blank lines are skipped; a line that is not UTF-8 or not a JSON object is unreadable. */
public final class JsonLinesReader implements RecordReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String file;
    private final InputStream input;

    public JsonLinesReader(String file, InputStream input) {
        this.file = file;
        this.input = input;
    }

    /**
     * Splits the bytes into lines itself and decodes each strictly, so that a line that is not UTF-8
     * is rejected with its number, like a line that is not JSON, instead of going in with its bad
     * bytes replaced by U+FFFD (which a reader's decoder would do silently).
     */
    @Override
    public void read(Consumer<RawRecord> sink, LongConsumer bytesRead) throws IOException {
        CountingInputStream counting = new CountingInputStream(input);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
        try (InputStream in = counting) {
            byte[] chunk = new byte[1 << 16];
            byte[] line = new byte[1 << 12];
            int length = 0;
            long number = 0;
            int read;
            while ((read = in.read(chunk)) >= 0) {
                for (int i = 0; i < read; i++) {
                    if (chunk[i] != '\n') {
                        if (length == line.length) {
                            line = Arrays.copyOf(line, line.length * 2);
                        }
                        line[length++] = chunk[i];
                        continue;
                    }
                    number++;
                    accept(utf8, line, length, number, sink);
                    length = 0;
                    if ((number & 1023) == 0) {
                        bytesRead.accept(counting.count());
                    }
                }
            }
            if (length > 0) {
                accept(utf8, line, length, ++number, sink);
            }
            bytesRead.accept(counting.count());
        }
    }

    private void accept(CharsetDecoder utf8, byte[] bytes, int length, long number, Consumer<RawRecord> sink) {
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        String line;
        try {
            line = utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            sink.accept(RawRecord.unreadable(file, number, "not UTF-8 text", "registry.import.error.lineNotUtf8"));
            return;
        }
        if (number == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        if (!line.isBlank()) {
            sink.accept(parse(line, number));
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
