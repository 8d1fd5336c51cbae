package org.triplehelix.matching.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.triplehelix.matching.DemandService;
import org.triplehelix.registry.ImportMessage;
import org.triplehelix.shared.InvalidInputException;

/** A rejected demand record is said on the import page with its field's name and the refusal's key; its English reason stays. */
class DemandImporterTests {

    private static final Properties ZH = load("zh");
    private static final Properties EN = load("en");

    @Test
    void aRefusalIsSaidWithItsFieldAndKeyAndTheEnglishReasonStays() {
        DemandService.ImportFailure failure = DemandService.ImportFailure.of("d-1",
                new InvalidInputException("titleZh", "at most 200 characters", "matching.demand.error.tooLong", 200));
        assertThat(failure.reason()).isEqualTo("titleZh: at most 200 characters");

        ImportMessage message = DemandImporter.message(failure);
        assertThat(message.key()).isEqualTo("matching.demand.error.tooLong");
        assertThat(message.args()).containsExactly("200");
        assertThat(message.field()).isEqualTo("matching.demand.import.field.titleZh");
        assertThat(ZH.getProperty(message.field())).isEqualTo("中文标题");
        assertThat(EN.getProperty(message.field())).isEqualTo("Chinese title");
    }

    @Test
    void everyFieldAnImportedDemandCanBeRefusedOnIsNamedInBothLanguages() {
        for (String field : DemandImporter.FIELDS) {
            assertThat(ZH.getProperty(DemandImporter.FIELD_LABEL + field)).as(field + " in Chinese").isNotBlank();
            assertThat(EN.getProperty(DemandImporter.FIELD_LABEL + field)).as(field + " in English").isNotBlank();
        }
    }

    @Test
    void aFieldWithoutANameOrARefusalWithoutAKeyIsNotMadeUp() {
        assertThat(DemandImporter.message(DemandService.ImportFailure.of("d-1",
                new InvalidInputException("parties", "no organization x", "matching.demand.error.noOrganization", "x"))).field()).isNull();
        assertThat(DemandImporter.message(DemandService.ImportFailure.of("d-1", new InvalidInputException("title", "bad")))).isNull();
    }

    private static Properties load(String language) {
        Properties properties = new Properties();
        try (var in = DemandImporterTests.class.getResourceAsStream("/messages/matching_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
