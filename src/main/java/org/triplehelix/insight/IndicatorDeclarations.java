package org.triplehelix.insight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.triplehelix.shared.Text;

/**
 * Reads one indicator file: header lines {@code -- key: value}, then one SELECT statement (see
 * docs/insight.md and INDICATORS.md). Refuses a file that breaks the format with an
 * {@link InvalidDeclarationException} naming the file and the reason. The columns the statement
 * returns are checked against the database by {@link IndicatorCatalog}.
 */
public final class IndicatorDeclarations {

    /** The optional column: true for a record written for the demo (labelled "illustrative" in lists). */
    public static final String ILLUSTRATIVE = "illustrative";

    /** The columns every statement returns, in any order. */
    public static final List<String> COLUMNS = List.of("record_id", "record_kind", "label_zh", "label_en", "href",
            "region_code", "tier", "industry_code", "industry_group", "year", "category", "weight");

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
    private static final Pattern HEADER = Pattern.compile("--\\s*([a-z.]+)\\s*:\\s*(.*)");
    private static final Pattern TARGET = Pattern.compile("\\s*(\\d{4})\\s*=\\s*(\\d+(?:\\.\\d+)?)\\s*");
    private static final Set<String> KEYS = Set.of("code", "module", "name.zh", "name.en", "definition.zh", "definition.en",
            "unit.zh", "unit.en", "breakdowns", "category.zh", "category.en", "targets", "order", "measure");
    private static final Set<String> REQUIRED = Set.of("code", "module", "name.zh", "name.en", "definition.zh", "definition.en",
            "unit.zh", "unit.en", "breakdowns");
    private static final Set<String> BREAKDOWNS = Set.of("region", "tier", "industry_group", "industry", "year", "category");

    private IndicatorDeclarations() {
    }

    /** The indicator declared in {@code content}, read from the file {@code fileName}. */
    public static Indicator parse(String fileName, String content) {
        Map<String, String> header = new LinkedHashMap<>();
        StringBuilder statement = new StringBuilder();
        for (String line : content.replace("\r", "").replace("\uFEFF", "").split("\n")) {
            String trimmed = line.strip();
            if (statement.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                header(fileName, trimmed, header);
            } else {
                statement.append(line).append('\n');
            }
        }
        REQUIRED.stream().sorted().filter(key -> header.get(key) == null || header.get(key).isBlank()).findFirst()
                .ifPresent(key -> fail(fileName, "the header '" + key + "' is missing"));
        String code = header.get("code");
        if (!CODE.matcher(code).matches()) {
            fail(fileName, "the code '" + code + "' is not lower case letters, digits, dots and dashes");
        }
        if (!fileName.equals(code + ".sql")) {
            fail(fileName, "the file of the indicator '" + code + "' is named " + code + ".sql");
        }
        List<Dimension> breakdowns = breakdowns(fileName, header.get("breakdowns"));
        Text category = Text.ofNullable(header.get("category.zh"), header.get("category.en"));
        if (breakdowns.contains(Dimension.CATEGORY) && (header.get("category.zh") == null || header.get("category.en") == null)) {
            fail(fileName, "the breakdown 'category' needs 'category.zh' and 'category.en'");
        }
        return new Indicator(code, header.get("module"), new Text(header.get("name.zh"), header.get("name.en")),
                new Text(header.get("definition.zh"), header.get("definition.en")), new Text(header.get("unit.zh"), header.get("unit.en")),
                breakdowns, category, targets(fileName, header.get("targets")), order(fileName, header.get("order")),
                measure(fileName, header.get("measure")), statement(fileName, statement.toString()), fileName, false);
    }

    private static void header(String fileName, String line, Map<String, String> header) {
        if (line.isEmpty()) {
            return;
        }
        var matcher = HEADER.matcher(line);
        if (!matcher.matches()) {
            return; // a comment line of the header
        }
        String key = matcher.group(1);
        if (!KEYS.contains(key)) {
            fail(fileName, "unknown header '" + key + "'");
        }
        if (header.put(key, matcher.group(2).strip()) != null) {
            fail(fileName, "the header '" + key + "' is given twice");
        }
    }

    private static List<Dimension> breakdowns(String fileName, String value) {
        List<Dimension> breakdowns = new ArrayList<>();
        for (String part : value.split(",")) {
            String key = part.strip();
            if (!BREAKDOWNS.contains(key)) {
                fail(fileName, "unknown breakdown '" + key + "' (region, tier, industry_group, industry, year, category)");
            }
            Dimension dimension = Dimension.of(key);
            if (!breakdowns.contains(dimension)) {
                breakdowns.add(dimension);
            }
        }
        return breakdowns;
    }

    private static Map<Integer, BigDecimal> targets(String fileName, String value) {
        Map<Integer, BigDecimal> targets = new TreeMap<>();
        if (value == null || value.isBlank()) {
            return targets;
        }
        for (String part : value.split(",")) {
            var matcher = TARGET.matcher(part);
            if (!matcher.matches()) {
                fail(fileName, "the target '" + part.strip() + "' is not YEAR=NUMBER");
            }
            if (targets.put(Integer.parseInt(matcher.group(1)), new BigDecimal(matcher.group(2))) != null) {
                fail(fileName, "the target year " + matcher.group(1) + " is given twice");
            }
        }
        return targets;
    }

    private static int order(String fileName, String value) {
        if (value == null || value.isBlank()) {
            return 1000;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidDeclarationException(fileName, "the order '" + value + "' is not a whole number");
        }
    }

    private static Indicator.Measure measure(String fileName, String value) {
        return switch (value == null ? "count" : value.strip().toLowerCase(Locale.ROOT)) {
            case "count", "" -> Indicator.Measure.COUNT;
            case "sum" -> Indicator.Measure.SUM;
            default -> throw new InvalidDeclarationException(fileName, "the measure '" + value + "' is neither count nor sum");
        };
    }

    static String statement(String fileName, String text) {
        String statement = text.strip();
        String lower = statement.toLowerCase(Locale.ROOT);
        if (statement.isEmpty()) {
            fail(fileName, "there is no statement after the header");
        }
        if (!lower.startsWith("select") && !lower.startsWith("with")) {
            fail(fileName, "the statement does not start with SELECT or WITH");
        }
        if (statement.contains(";")) {
            fail(fileName, "the statement contains ';' (one statement, no trailing semicolon)");
        }
        if (statement.contains("--") || statement.contains("/*")) {
            fail(fileName, "the statement contains a comment (comments belong in the header)");
        }
        if (Pattern.compile("(?<![:\\w]):[a-zA-Z_]|\\?|\\$\\d").matcher(statement.replaceAll("'[^']*'", "''")).find()) {
            fail(fileName, "the statement has a parameter (statements take none)");
        }
        return statement;
    }

    private static void fail(String fileName, String reason) {
        throw new InvalidDeclarationException(fileName, reason);
    }
}
