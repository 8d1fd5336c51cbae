package org.triplehelix.registry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.shared.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The spreadsheet templates (CSV and XLSX), one per kind: the columns are the interchange fields,
 * a bilingual text as two columns ({@code name_zh}, {@code name_en}; a single {@code name} column
 * is read like a plain JSON string), lists separated by {@code ;} (or the full-width {@code ；}).
 * The kind of a row comes from a {@code kind} column, else from the sheet name, else from the
 * file name ({@code organization.csv}, {@code persons-2025.xlsx}).
 */
public final class Tabular {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；]");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}(\\.0+)?");

    /** The fields of every kind the templates cover, in the order of INTERCHANGE.md. */
    public static final Map<String, List<String>> FIELDS = fields();

    private Tabular() {
    }

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (RecordKind kind : RecordKind.values()) {
            fields.put(kind.interchangeName(), InterchangeCodec.FIELDS.get(kind));
        }
        fields.put("demand", List.of("id", "title", "description", "keywords", "organization", "industry", "region"));
        return fields;
    }

    /** The template's columns for a kind: {@code id, name_zh, name_en, type, …}. */
    public static List<String> columns(String kind) {
        List<String> columns = new ArrayList<>();
        for (String field : FIELDS.get(kind)) {
            if (InterchangeCodec.isText(kind, field)) {
                columns.add(field + "_zh");
                columns.add(field + "_en");
            } else {
                columns.add(field);
            }
        }
        return columns;
    }

    /** The kind a sheet or file name stands for: {@code organization}, {@code Persons}, {@code outputs-2024.csv}. */
    public static Optional<String> kindFromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String base = name.toLowerCase(Locale.ROOT);
        base = base.substring(base.lastIndexOf('/') + 1);
        String stem = base.split("[^a-z]", 2)[0];
        return FIELDS.keySet().stream()
                .filter(kind -> stem.equals(kind) || stem.equals(plural(kind)))
                .findFirst();
    }

    private static String plural(String kind) {
        return kind.equals("facility") ? "facilities" : kind + "s";
    }

    /** A header cell as a column name: trimmed, lower case, spaces as underscores. */
    public static String column(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace("\uFEFF", "");
    }

    /**
     * The JSON object of one row: {@code kind} first, then each non-empty cell by its column
     * (bilingual columns joined, lists split, whole numbers as numbers). Unknown columns are
     * passed on, so that they are reported like unknown JSON fields.
     */
    public static ObjectNode toNode(String kind, List<String> columns, List<String> cells) {
        ObjectNode node = NODES.objectNode();
        node.put("kind", kind);
        for (int i = 0; i < columns.size() && i < cells.size(); i++) {
            String value = cells.get(i) == null ? "" : cells.get(i).strip();
            String column = columns.get(i);
            if (!value.isEmpty() && !column.isEmpty() && !column.equals("kind")) {
                put(node, kind, column, value);
            }
        }
        return node;
    }

    /**
     * The cells of a record for the template's columns: texts split by language, lists joined
     * with {@code ;}.
     */
    public static List<String> toCells(List<String> columns, ObjectNode node) {
        String kind = node.get("kind").asString();
        List<String> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
            cells.add(cell(node, kind, column));
        }
        return cells;
    }

    private static String cell(ObjectNode node, String kind, String column) {
        int underscore = column.lastIndexOf('_');
        String base = underscore > 0 ? column.substring(0, underscore) : column;
        if (InterchangeCodec.isText(kind, base) && column.length() > base.length() && node.get(base) != null) {
            JsonNode text = node.get(base);
            Text value = text.isString() ? Text.of(text.stringValue())
                    : Text.ofNullable(text.path("zh").asString(null), text.path("en").asString(null));
            return column.endsWith("_zh") ? value.zh() : value.en();
        }
        JsonNode value = node.get(column);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asString()));
            return String.join(";", items);
        }
        return value.asString();
    }

    private static void put(ObjectNode node, String kind, String column, String value) {
        int underscore = column.lastIndexOf('_');
        String base = underscore > 0 ? column.substring(0, underscore) : column;
        String language = underscore > 0 ? column.substring(underscore + 1) : "";
        if (InterchangeCodec.isText(kind, base) && (language.equals("zh") || language.equals("en"))) {
            ObjectNode text = node.get(base) instanceof ObjectNode existing ? existing : node.putObject(base);
            text.put(language, value);
        } else if (InterchangeCodec.LIST_FIELDS.contains(column)) {
            ArrayNode list = node.putArray(column);
            Arrays.stream(LIST_SEPARATOR.split(value)).map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
        } else if (InterchangeCodec.INTEGER_FIELDS.contains(column) && WHOLE_NUMBER.matcher(value).matches()) {
            node.put(column, (int) Double.parseDouble(value));
        } else {
            node.put(column, value);
        }
    }
}
