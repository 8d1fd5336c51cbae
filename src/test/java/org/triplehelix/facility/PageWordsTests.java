package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The words of the facility, talent and inbox pages come from their modules' bundles, where both languages are
 * kept side by side and checked: no template picks its text by {@code ctx.english()} (a heading spelt in Java
 * in each language, as the statement's once was, escapes the bundles and their tests).
 */
class PageWordsTests {

    @Test
    void noTemplateChoosesItsWordsByLanguage() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Stream.of("facility", "talent", "notification").map(m -> Path.of("src/main/jte", m))
                .flatMap(PageWordsTests::templates)) {
            offenders = files.filter(f -> read(f).contains("ctx.english()")).map(Path::toString).toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static Stream<Path> templates(Path folder) {
        try {
            return Files.walk(folder).filter(f -> f.toString().endsWith(".jte")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
