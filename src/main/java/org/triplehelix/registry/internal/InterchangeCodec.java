package org.triplehelix.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.triplehelix.registry.FacilityRecord;
import org.triplehelix.registry.FacilityType;
import org.triplehelix.registry.OrganizationRecord;
import org.triplehelix.registry.OrganizationType;
import org.triplehelix.registry.Orcid;
import org.triplehelix.registry.OutputRecord;
import org.triplehelix.registry.OutputType;
import org.triplehelix.registry.PersonRecord;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.registry.RegistryRecord;
import org.triplehelix.registry.Uscc;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.ListItems;
import org.triplehelix.shared.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes registry records in the interchange shape of INTERCHANGE.md. Reading is strict
 * about types (a wrong type is an {@link InvalidInputException} naming the field) and reports
 * unknown fields to a callback; writing puts {@code kind} first and the fields in the order of
 * the contract, texts as a plain string when one language is given and it is the one a reader
 * would infer, else as {@code {"zh", "en"}}.
 */
public final class InterchangeCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The fields of each kind, in the order of INTERCHANGE.md. */
    public static final Map<RecordKind, List<String>> FIELDS = Map.of(
            RecordKind.ORGANIZATION, List.of("id", "name", "type", "parent", "region", "ror", "uscc", "website", "description", "established"),
            RecordKind.PERSON, List.of("id", "name", "organization", "title", "orcid", "disciplines", "keywords", "description"),
            RecordKind.OUTPUT, List.of("id", "title", "type", "abstract", "keywords", "year", "discipline", "people", "organizations"),
            RecordKind.FACILITY, List.of("id", "name", "type", "organization", "description", "keywords", "region"));

    /** Fields that hold a bilingual text, of any kind. */
    public static final Set<String> TEXT_FIELDS = Set.of("name", "title", "abstract", "description");

    /** Whether {@code field} of {@code kind} is a bilingual text (a person's title is a plain string: 教授, Professor). */
    public static boolean isText(String kind, String field) {
        return TEXT_FIELDS.contains(field) && !(kind.equals("person") && field.equals("title"));
    }

    /** Fields that hold a list of strings. */
    public static final Set<String> LIST_FIELDS = Set.of("disciplines", "keywords", "people", "organizations");

    /** Fields that hold a whole number. */
    public static final Set<String> INTEGER_FIELDS = Set.of("established", "year");

    private InterchangeCodec() {
    }

    /**
     * The record of {@code kind} in {@code node}; unknown fields go to {@code unknownField} as
     * (kind, field) and are otherwise ignored.
     */
    public static RegistryRecord read(RecordKind kind, JsonNode node, BiConsumer<String, String> unknownField) {
        List<String> known = FIELDS.get(kind);
        for (String field : node.propertyNames()) {
            if (!field.equals("kind") && !known.contains(field)) {
                unknownField.accept(kind.interchangeName(), field);
            }
        }
        Fields f = new Fields(node);
        String id = f.requiredId();
        return switch (kind) {
            case ORGANIZATION -> new OrganizationRecord(id, f.organizationType(), f.requiredText("name"), f.string("parent"),
                    f.string("region"), f.string("ror"), f.uscc(), f.string("website"), f.text("description"), f.integer("established"));
            case PERSON -> new PersonRecord(id, f.requiredText("name"), f.string("organization"), f.string("title"), f.orcid(),
                    f.list("disciplines"), f.list("keywords"), f.text("description"));
            case OUTPUT -> new OutputRecord(id, f.outputType(), f.requiredText("title"), f.text("abstract"), f.list("keywords"),
                    f.integer("year"), f.string("discipline"), f.list("people"), f.list("organizations"));
            case FACILITY -> new FacilityRecord(id, f.facilityType(), f.requiredText("name"), f.string("organization"),
                    f.text("description"), f.list("keywords"), f.string("region"));
        };
    }

    /** The record as a JSON object in the interchange shape, {@code kind} first. */
    public static ObjectNode write(RegistryRecord record) {
        ObjectNode node = NODES.objectNode();
        node.put("kind", record.kind().interchangeName());
        node.put("id", record.id());
        switch (record) {
            case OrganizationRecord o -> {
                text(node, "name", o.name());
                node.put("type", o.type().interchangeName());
                string(node, "parent", o.parent());
                string(node, "region", o.region());
                string(node, "ror", o.ror());
                string(node, "uscc", o.uscc() == null ? null : o.uscc().value());
                string(node, "website", o.website());
                text(node, "description", o.description());
                integer(node, "established", o.established());
            }
            case PersonRecord p -> {
                text(node, "name", p.name());
                string(node, "organization", p.organization());
                string(node, "title", p.title());
                string(node, "orcid", p.orcid() == null ? null : p.orcid().value());
                list(node, "disciplines", p.disciplines());
                list(node, "keywords", p.keywords());
                text(node, "description", p.description());
            }
            case OutputRecord o -> {
                text(node, "title", o.title());
                node.put("type", o.type().interchangeName());
                text(node, "abstract", o.abstractText());
                list(node, "keywords", o.keywords());
                integer(node, "year", o.year());
                string(node, "discipline", o.discipline());
                list(node, "people", o.people());
                list(node, "organizations", o.organizations());
            }
            case FacilityRecord f -> {
                text(node, "name", f.name());
                node.put("type", f.type().interchangeName());
                string(node, "organization", f.organization());
                text(node, "description", f.description());
                list(node, "keywords", f.keywords());
                string(node, "region", f.region());
            }
        }
        return node;
    }

    /** A text as the contract writes it: a plain string when a reader would file it under the same language. */
    public static JsonNode textNode(Text text) {
        if (text.en() == null && Text.containsHan(text.zh())) {
            return NODES.stringNode(text.zh());
        }
        if (text.zh() == null && !Text.containsHan(text.en())) {
            return NODES.stringNode(text.en());
        }
        ObjectNode both = NODES.objectNode();
        string(both, "zh", text.zh());
        string(both, "en", text.en());
        return both;
    }

    private static void text(ObjectNode node, String field, Text text) {
        if (text != null) {
            node.set(field, textNode(text));
        }
    }

    private static void string(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void integer(ObjectNode node, String field, Integer value) {
        if (value != null) {
            node.put(field, value.intValue());
        }
    }

    private static void list(ObjectNode node, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    /** Typed access to the fields of one record, each failure naming its field. */
    private record Fields(JsonNode node) {

        String requiredId() {
            JsonNode value = node.get("id");
            if (value == null || value.isNull()) {
                throw new InvalidInputException("id", "missing required field id", "registry.import.error.missingField", "id");
            }
            String id = string("id");
            if (id == null) {
                throw new InvalidInputException("id", "id must be a non-blank string", "registry.import.error.blankId");
            }
            return id;
        }

        String string(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString() && !value.isNumber()) {
                throw new InvalidInputException(field, field + " must be a string, not " + describe(value), "registry.import.error.notString", field);
            }
            return clean(field, value.asString());
        }

        Text requiredText(String field) {
            Text text = text(field);
            if (text == null) {
                throw new InvalidInputException(field, "missing required field " + field, "registry.import.error.missingField", field);
            }
            return text;
        }

        Text text(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isString()) {
                String text = clean(field, value.stringValue());
                return text == null ? null : Text.of(text);
            }
            if (!value.isObject()) {
                throw new InvalidInputException(field, field + " must be a string or an object {\"zh\", \"en\"}, not " + describe(value),
                        "registry.import.error.notText", field);
            }
            for (String language : value.propertyNames()) {
                if (!language.equals("zh") && !language.equals("en")) {
                    throw new InvalidInputException(field, field + " has an unknown language '" + language + "' (zh or en)",
                            "registry.import.error.language", field, language);
                }
            }
            return Text.ofNullable(language(field, value, "zh"), language(field, value, "en"));
        }

        private String language(String field, JsonNode text, String language) {
            JsonNode value = text.get(language);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                throw new InvalidInputException(field, field + "." + language + " must be a string, not " + describe(value),
                        "registry.import.error.notString", field + "." + language);
            }
            return clean(field, value.stringValue());
        }

        Integer integer(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw new InvalidInputException(field, field + " must be a whole number, not " + describe(value),
                        "registry.import.error.notInteger", field);
            }
            return value.asInt();
        }

        List<String> list(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                throw new InvalidInputException(field, field + " must be a list of strings, not " + describe(value),
                        "registry.import.error.notList", field);
            }
            List<String> values = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                if (!element.isString() && !element.isNumber()) {
                    throw new InvalidInputException(field, field + " must be a list of strings, not of " + describe(element),
                            "registry.import.error.notList", field);
                }
                // the edit forms show a list one item a line: an item holding a line break would come back as several
                ListItems.requireOneLine(field, i, element.asString());
                String item = clean(field, element.asString());
                if (item != null) {
                    values.add(item);
                }
            }
            return values;
        }

        OrganizationType organizationType() {
            String type = string("type");
            return type == null ? null : OrganizationType.fromInterchange(type).orElseThrow(
                    () -> new InvalidInputException("type", "unknown organization type '" + type + "'", "registry.edit.error.type", type));
        }

        OutputType outputType() {
            String type = string("type");
            return type == null ? null : OutputType.fromInterchange(type).orElseThrow(
                    () -> new InvalidInputException("type", "unknown output type '" + type + "'", "registry.edit.error.type", type));
        }

        FacilityType facilityType() {
            String type = string("type");
            return type == null ? null : FacilityType.fromInterchange(type).orElseThrow(
                    () -> new InvalidInputException("type", "unknown facility type '" + type + "'", "registry.edit.error.type", type));
        }

        Uscc uscc() {
            String uscc = string("uscc");
            return uscc == null ? null : Uscc.of(uscc);
        }

        Orcid orcid() {
            String orcid = string("orcid");
            return orcid == null ? null : Orcid.of(orcid);
        }

        /** Stripped, null when blank; PostgreSQL text cannot hold NUL. */
        private static String clean(String field, String value) {
            if (value.indexOf('\0') >= 0) {
                throw new InvalidInputException(field, field + " contains a NUL character", "registry.import.error.nul", field);
            }
            String stripped = value.strip();
            return stripped.isEmpty() ? null : stripped;
        }

        private static String describe(JsonNode value) {
            if (value.isObject()) {
                return "an object";
            }
            if (value.isArray()) {
                return "a list";
            }
            if (value.isBoolean()) {
                return "a boolean";
            }
            if (value.isNumber()) {
                return "a number";
            }
            return "a string";
        }
    }
}
