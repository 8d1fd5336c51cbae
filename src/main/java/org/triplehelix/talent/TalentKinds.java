package org.triplehelix.talent;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.triplehelix.registry.ForeignKindImporter;
import org.triplehelix.registry.ForeignRecord;
import tools.jackson.databind.JsonNode;

/**
 * The talent kinds of JSON Lines imports ({@code talent_program}, {@code talent_student},
 * {@code talent_need}, {@code talent_supply}), one {@link ForeignKindImporter} each: a record's
 * fields are the template's columns (a text may be {@code {"zh": …, "en": …}} as {@code name}, a
 * list a JSON array); each record is written in a savepoint, so a rejected one leaves nothing.
 */
@Configuration(proxyBeanMethods = false)
class TalentKinds {

    @Bean
    ForeignKindImporter talentProgramImporter(TalentImport imports) {
        return new Kind("talent_program", imports);
    }

    @Bean
    ForeignKindImporter talentStudentImporter(TalentImport imports) {
        return new Kind("talent_student", imports);
    }

    @Bean
    ForeignKindImporter talentNeedImporter(TalentImport imports) {
        return new Kind("talent_need", imports);
    }

    @Bean
    ForeignKindImporter talentSupplyImporter(TalentImport imports) {
        return new Kind("talent_supply", imports);
    }

    record Kind(String kind, TalentImport imports) implements ForeignKindImporter {

        @Override
        public List<Failure> importBatch(List<ForeignRecord> records) {
            List<Failure> failures = new ArrayList<>();
            for (ForeignRecord record : records) {
                TalentImport.RowError error = imports.write(kind, record.file(), record.line(), fields(record.fields()), record.illustrative());
                if (error != null) {
                    failures.add(new Failure(record, (error.field() == null ? "" : error.field() + ": ") + error.message()));
                }
            }
            return failures;
        }
    }

    static Fields fields(JsonNode node) {
        return Fields.ofJson(node);
    }
}
