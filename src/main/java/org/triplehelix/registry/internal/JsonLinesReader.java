package org.triplehelix.registry.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.triplehelix.shared.OfficeFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines: one object a line; blank lines are skipped; a line that is not UTF-8 or not a JSON object is unreadable.
 * A file that begins with the byte order mark of UTF-16 (LE or BE, as Windows tools save "Unicode" text) is read as
 * that, strictly: a file that is not UTF-16 throughout (a byte missing at its end, half of a character pair) is
 * refused as a whole, since where its lines end cannot be trusted. A first line that holds NUL bytes is UTF-16
 * without its mark, and the file is refused by name.
 */
public final class JsonLinesReader implements RecordReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CHUNK = 1 << 16;

    private final String file;
    private final InputStream input;

    public JsonLinesReader(String file, InputStream input) {
        this.file = file;
        this.input = input;
    }

    @Override
    public void read(Consumer<RawRecord> sink, LongConsumer bytesRead) throws IOException {
        CountingInputStream counting = new CountingInputStream(input);
        try (BufferedInputStream in = new BufferedInputStream(counting, CHUNK)) {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            Optional<Charset> utf16 = OfficeFiles.utf16Bom(head);
            if (utf16.isPresent()) {
                in.skipNBytes(2);
                readUtf16(new InputStreamReader(in, OfficeFiles.strict(utf16.get())), utf16.get(), sink, bytesRead, counting);
            } else {
                readUtf8(in, sink, bytesRead, counting);
            }
            bytesRead.accept(counting.count());
        }
    }

    /**
     * Splits the bytes into lines itself and decodes each strictly, so that a line that is not UTF-8
     * is rejected with its number, like a line that is not JSON, instead of going in with its bad
     * bytes replaced by U+FFFD (which a reader's decoder would do silently).
     */
    private void readUtf8(InputStream in, Consumer<RawRecord> sink, LongConsumer bytesRead, CountingInputStream counting) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
        byte[] chunk = new byte[CHUNK];
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
    }

    /** The lines of UTF-16 text, split at LF as the UTF-8 ones are; a fault of the encoding stops the file. */
    private void readUtf16(Reader reader, Charset charset, Consumer<RawRecord> sink, LongConsumer bytesRead,
                           CountingInputStream counting) throws IOException {
        StringBuilder line = new StringBuilder();
        long number = 0;
        char[] chunk = new char[CHUNK];
        int read;
        try {
            while ((read = reader.read(chunk)) >= 0) {
                for (int i = 0; i < read; i++) {
                    if (chunk[i] != '\n') {
                        line.append(chunk[i]);
                        continue;
                    }
                    accept(withoutCr(line), ++number, sink);
                    line.setLength(0);
                    if ((number & 1023) == 0) {
                        bytesRead.accept(counting.count());
                    }
                }
            }
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(file + " begins with the byte order mark of " + charset.name() + " but is not "
                    + charset.name() + " text throughout (a byte missing, or half of a character pair): save it again as UTF-8",
                    e, "registry.import.error.utf16Malformed", file, charset.name());
        }
        if (!line.isEmpty()) {
            accept(withoutCr(line), ++number, sink);
        }
    }

    private static String withoutCr(StringBuilder line) {
        int length = line.length();
        return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
    }

    private void accept(CharsetDecoder utf8, byte[] bytes, int length, long number, Consumer<RawRecord> sink) throws IOException {
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        if (number == 1 && OfficeFiles.holdsNul(bytes, length)) {
            throw new UnreadableFileException(file + " holds NUL bytes, as UTF-16 text saved without its byte order mark does:"
                    + " save it as UTF-8", "registry.import.error.utf16NoBom", file);
        }
        String line;
        try {
            line = utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            sink.accept(RawRecord.unreadable(file, number, "not UTF-8 text", "registry.import.error.lineNotUtf8"));
            return;
        }
        accept(line, number, sink);
    }

    private void accept(String line, long number, Consumer<RawRecord> sink) {
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
