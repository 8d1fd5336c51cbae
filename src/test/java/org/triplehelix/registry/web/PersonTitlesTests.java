package org.triplehelix.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** English pages translate the titles of the national title system, with the English bundle's own words. */
class PersonTitlesTests {

    private final Properties english = bundle("/messages/registry_en.properties");
    private final Function<String, String> message = key -> english.getProperty(key, key);

    @Test
    void theRanksAndPostsOfTheDemoDataReadInEnglish() {
        assertThat(PersonTitles.english("正高级", message)).isEqualTo("Full senior rank");
        assertThat(PersonTitles.english("副高级", message)).isEqualTo("Associate senior rank");
        assertThat(PersonTitles.english("研究员", message)).isEqualTo("Research professor");
        assertThat(PersonTitles.english(" 教授 ", message)).isEqualTo("Professor");
        // one source lists a title twice
        assertThat(PersonTitles.english("正高级、正高级", message)).isEqualTo("Full senior rank");
        assertThat(PersonTitles.english("教授；博士后", message)).isEqualTo("Professor, Postdoctoral researcher");
    }

    @Test
    void aTitleOutsideTheListStaysAsWritten() {
        assertThat(PersonTitles.english("首席科学家", message)).isEqualTo("首席科学家");
        assertThat(PersonTitles.english("教授、首席科学家", message)).isEqualTo("教授、首席科学家");
        assertThat(PersonTitles.english("Chief engineer", message)).isEqualTo("Chief engineer");
        assertThat(PersonTitles.english(null, message)).isNull();
    }

    @Test
    void everyCodeHasItsEnglishWords() {
        PersonTitles.CODES.values().forEach(code ->
                assertThat(english.getProperty("registry.personTitle." + code)).as(code).isNotBlank().doesNotContainPattern("\\p{IsHan}"));
    }

    private static Properties bundle(String path) {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(PersonTitlesTests.class.getResourceAsStream(path), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
