package org.triplehelix.talent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** A JSON object as template columns: {@code name: {zh, en}} as name_zh and name_en, arrays joined by ;. */
    static Fields fields(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("kind") || value == null || value.isNull()) {
                continue;
            }
            if (value.isObject()) {
                JsonNode zh = value.get("zh");
                JsonNode en = value.get("en");
                values.put(name + "_zh", zh == null ? null : zh.asString());
                values.put(name + "_en", en == null ? null : en.asString());
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asString()));
                values.put(name, String.join(";", items));
            } else if (value.isString() && (name.equals("name") || name.equals("title")) && !values.containsKey(name + "_zh")) {
                String text = value.asString();
                values.put(org.triplehelix.shared.Text.containsHan(text) ? name + "_zh" : name + "_en", text);
            } else {
                values.put(name, value.asString());
            }
        }
        return new Fields(values);
    }
}
