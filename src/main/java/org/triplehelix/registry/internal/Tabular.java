package org.triplehelix.registry.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.shared.OfficeFiles;
import org.triplehelix.shared.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The spreadsheet templates (CSV and XLSX), one per kind: the columns are the interchange fields,
 * a bilingual text as two columns ({@code name_zh}, {@code name_en}; a single {@code name} column
 * is read like a plain JSON string), lists separated by {@code ;} (or {@code ；}, {@code 、},
 * {@code ，}, as a Chinese user separates items). The kind of a row comes from a {@code kind}
 * column, else from the sheet name, else from the file name ({@code organization.csv},
 * {@code persons-2025.xlsx}). Offices fill these in by hand, so the reading forgives what a
 * person cannot see: the case and spacing of a header, a title row above it, full-width digits,
 * a year typed as a date.
 */
public final class Tabular {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}(\\.0+)?");
    /** A year typed as a date (2024-05-01, 2024/5/1, 2024.5, 2024年, 2024年5月1日): the year is what the field holds. */
    private static final Pattern YEAR_AS_DATE = Pattern.compile("(\\d{4})(?:年|[-/.]\\d{1,2}(?:[-/.]\\d{1,2})?|年\\d{1,2}月(?:\\d{1,2}日)?)");

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

    /** The kind a sheet or file name stands for: {@code organization}, {@code Persons}, {@code people.csv}, {@code outputs-2024.csv}. */
    public static Optional<String> kindFromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String base = name.toLowerCase(Locale.ROOT);
        base = base.substring(base.lastIndexOf('/') + 1);
        String stem = base.split("[^a-z]", 2)[0];
        return FIELDS.keySet().stream()
                .filter(kind -> stem.equals(kind) || stem.equals(plural(kind)) || stem.equals(kind + "s"))
                .findFirst();
    }

    private static String plural(String kind) {
        return switch (kind) {
            case "facility" -> "facilities";
            case "person" -> "people";
            default -> kind + "s";
        };
    }

    /** A header cell as a column name ({@link OfficeFiles#column}: {@code Name ZH} is {@code name_zh}). */
    public static String column(String header) {
        return OfficeFiles.column(header);
    }

    /**
     * Whether a row seen before the header is a title above it rather than the header itself: one
     * cell filled (a merged title across the columns, 湖北省新型研发机构名录) and not a column name.
     */
    public static boolean isTitle(List<String> cells) {
        List<String> filled = cells.stream().filter(cell -> cell != null && !cell.isBlank()).toList();
        return filled.size() == 1 && !KNOWN_COLUMNS.contains(column(filled.getFirst()));
    }

    private static final Set<String> KNOWN_COLUMNS = knownColumns();

    private static Set<String> knownColumns() {
        Set<String> known = new java.util.HashSet<>(List.of("kind"));
        FIELDS.forEach((kind, fields) -> {
            known.addAll(fields);
            known.addAll(columns(kind));
        });
        return Set.copyOf(known);
    }

    /**
     * The refusal of a whole file or sheet whose header lacks a column every record of its kind
     * needs ({@code id}, and the name or title in either language), or empty when the header has
     * them or the kind comes from a {@code kind} column (then each row is checked on its own).
     * One refusal naming the column says more than a thousand rows each missing it.
     */
    public static Optional<RawRecord> missingColumn(String file, long line, String kind, List<String> columns, boolean kindColumn) {
        if (kind == null || kindColumn || !FIELDS.containsKey(kind)) {
            return Optional.empty();
        }
        String name = FIELDS.get(kind).get(1);
        List<String> names = InterchangeCodec.isText(kind, name) ? List.of(name, name + "_zh", name + "_en") : List.of(name);
        String missing = !columns.contains("id") ? "id"
                : names.stream().noneMatch(columns::contains) ? String.join(" or ", names.subList(names.size() > 1 ? 1 : 0, names.size()))
                : null;
        if (missing == null) {
            return Optional.empty();
        }
        String header = String.join(", ", columns.stream().filter(c -> !c.isEmpty()).toList());
        return Optional.of(RawRecord.unreadable(file, line, "no column " + missing + ", which every " + kind
                        + " record needs (the header has: " + header + "); nothing of this " + (file.endsWith("]") ? "sheet" : "file") + " was read",
                "registry.import.error.noColumn", missing.replace(" or ", " / "), kind, header));
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
            OfficeFiles.items(value).forEach(list::add);
        } else if (InterchangeCodec.INTEGER_FIELDS.contains(column) && wholeNumber(value) != null) {
            node.put(column, wholeNumber(value).intValue());
        } else {
            node.put(column, value);
        }
    }

    /** A whole number as typed (2024, 2024.0, ２０２４) or a year typed as a date; null when it is neither, for validation to refuse. */
    private static Integer wholeNumber(String value) {
        String plain = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        if (WHOLE_NUMBER.matcher(plain).matches()) {
            return (int) Double.parseDouble(plain);
        }
        Matcher date = YEAR_AS_DATE.matcher(plain);
        return date.matches() ? Integer.valueOf(date.group(1)) : null;
    }
}
