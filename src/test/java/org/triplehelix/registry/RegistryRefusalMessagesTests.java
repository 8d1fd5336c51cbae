package org.triplehelix.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.triplehelix.registry.internal.InterchangeCodec;
import org.triplehelix.shared.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry's refusals that a page shows carry a message key of its bundles: the key exists in
 * Chinese and English, both use the same placeholders, and the refusal gives an argument for each,
 * so that the page says it whole in the reader's language. The English message stays as it was.
 */
class RegistryRefusalMessagesTests {

    private static final Properties ZH = load("zh");
    private static final Properties EN = load("en");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {"", "9135010", "91350100M000100Y431", "91350100M00O100Y43", "91350100I000100Y43", "913A0100M000100Y43",
            "91350100M000100Y44"})
    void everyRefusedUsccSaysWhyInBothLanguages(String code) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> Uscc.of(code));
        assertThat(e.getMessage()).startsWith("unified social credit code");
        assertSaidWhole(e, code.isEmpty() ? "0" : code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-0002-1825-0098", "1234", "https://orcid.org/0000-0002-1825-009"})
    void everyRefusedOrcidSaysWhyInBothLanguages(String orcid) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> Orcid.of(orcid));
        assertThat(e.getMessage()).startsWith("ORCID iD");
        assertSaidWhole(e, orcid.replace("https://orcid.org/", ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            organization | {"name": "x"}                                   | id
            organization | {"id": " ", "name": "x"}                        | id
            organization | {"id": "o"}                                     | name
            organization | {"id": "o", "name": 7.5e0, "type": true}        | type
            organization | {"id": "o", "name": ["x"]}                      | name
            organization | {"id": "o", "name": {"fr": "x"}}                | fr
            organization | {"id": "o", "name": {"zh": 1}}                  | name.zh
            organization | {"id": "o", "name": "x", "type": "castle"}      | castle
            organization | {"id": "o", "name": "x", "established": "1952"} | established
            person       | {"id": "p", "name": "x", "keywords": "a;b"}     | keywords
            person       | {"id": "p", "name": "x", "keywords": [["a"]]}   | keywords
            facility     | {"id": "f", "name": "a\\u0000b"}                | name
            """)
    void everyRefusedInterchangeRecordSaysWhyInBothLanguages(String kind, String json, String said) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> InterchangeCodec.read(
                RecordKind.fromInterchange(kind).orElseThrow(), JsonMapper.builder().build().readTree(json), (k, f) -> { }));
        assertSaidWhole(e, said);
    }

    /** The refusal's key is in both languages with the same placeholders, each given, and the message names {@code said}. */
    private static void assertSaidWhole(InvalidInputException e, String said) {
        assertThat(e.key()).as("the message key of \"%s\"", e.getMessage()).isNotNull();
        String zh = ZH.getProperty(e.key());
        String en = EN.getProperty(e.key());
        assertThat(zh).as("%s in Chinese", e.key()).isNotBlank();
        assertThat(en).as("%s in English", e.key()).isNotBlank();
        assertThat(placeholders(zh)).as("placeholders of %s", e.key()).isEqualTo(placeholders(en));
        assertThat(placeholders(en)).as("arguments of %s", e.key()).allSatisfy(i -> assertThat(i).isLessThan(e.args().length));
        String chinese = new MessageFormat(zh, Locale.CHINESE).format(e.args());
        String english = new MessageFormat(en, Locale.ENGLISH).format(e.args());
        assertThat(chinese).contains(said).doesNotContain("{");
        assertThat(english).contains(said).doesNotContain("{");
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    /** The registry's two bundles of one language, as one. */
    private static Properties load(String language) {
        Properties properties = new Properties();
        for (String bundle : new String[] {"registry_edit", "registry_import"}) {
            try (var reader = new InputStreamReader(RegistryRefusalMessagesTests.class.getResourceAsStream(
                    "/messages/" + bundle + "_" + language + ".properties"), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return properties;
    }
}
