package org.triplehelix.talent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.triplehelix.registry.ForeignKindImporter;
import org.triplehelix.registry.ForeignRecord;
import org.triplehelix.registry.ImportMessage;
import tools.jackson.databind.JsonNode;

/**
 * The talent kinds of JSON Lines imports ({@code talent_program}, {@code talent_student},
 * {@code talent_need}, {@code talent_supply}), one {@link ForeignKindImporter} each: a record's
 * fields are the template's columns (a text may be {@code {"zh": …, "en": …}} as {@code name}, a
 * list a JSON array); each record is written in a savepoint, so a rejected one leaves nothing. A
 * rejected record is reported in English (the command line, the JSON report) and with its message
 * key (the import page, in the reader's language).
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

        /** The template's columns, and a two-language column's name alone ({@code name} for name_zh and name_en). */
        @Override
        public Set<String> fields() {
            Set<String> fields = new HashSet<>();
            for (String column : TalentWriter.COLUMNS.get(kind)) {
                fields.add(column);
                if (column.endsWith("_zh") || column.endsWith("_en")) {
                    fields.add(column.substring(0, column.length() - 3));
                }
            }
            return fields;
        }

        @Override
        public Batch importBatch(List<ForeignRecord> records) {
            List<Stored> stored = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            for (ForeignRecord record : records) {
                TalentImport.Written written;
                try {
                    written = imports.write(kind, record.file(), record.line(), TalentKinds.fields(record.fields()), record.illustrative());
                } catch (TalentInputException e) { // a value that cannot be a field at all: this record is refused, the rest go on
                    written = TalentImport.Written.refused(TalentImport.RowError.of(record.file(), record.line(), record.id(), e.field(),
                            e.getMessage(), e.key(), e.args()));
                }
                TalentImport.RowError error = written.error();
                if (error != null) {
                    failures.add(new Failure(record, (error.field() == null ? "" : error.field() + ": ") + error.message(), message(error)));
                } else {
                    stored.add(new Stored(record, written.change()));
                }
            }
            return new Batch(stored, failures);
        }
    }

    /** The label of a column in the bundles: {@code talent.column.<column>}, as the talent import page names it. */
    static final String COLUMN_LABEL = "talent.column.";

    /**
     * A refused record for the registry's import page, the column at fault named first. What the
     * database or the platform said in English is not put inside the message: the record's own
     * key then says what happened, and the English is shown apart, as its technical detail.
     */
    static ImportMessage message(TalentImport.RowError error) {
        if (error.key() == null) {
            return null;
        }
        ImportMessage message = switch (error.key()) {
            case "talent.import.row.database" -> ImportMessage.of("talent.import.record.database").withDetail(first(error.args()));
            case "talent.import.row.failed" -> ImportMessage.of("talent.import.record.failed").withDetail(first(error.args()));
            case "form.refused" -> ImportMessage.of("talent.import.record.refused").withDetail(error.message());
            default -> new ImportMessage(error.key(), error.args());
        };
        return error.field() == null ? message : message.withField(COLUMN_LABEL + error.field());
    }

    private static String first(List<String> args) {
        return args.isEmpty() ? null : args.getFirst();
    }

    static Fields fields(JsonNode node) {
        return Fields.ofJson(node);
    }
}
