package org.triplehelix.registry.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.triplehelix.registry.FacilityType;
import org.triplehelix.registry.OrganizationType;
import org.triplehelix.registry.OutputType;
import org.triplehelix.registry.internal.InterchangeCodec;
import org.triplehelix.registry.internal.Tabular;

/**
 * The downloadable spreadsheet templates, one per kind: the header row of its columns (CSV with a
 * byte order mark, so that Excel reads it as UTF-8), and for XLSX a help sheet explaining them.
 */
final class ImportTemplates {

    private ImportTemplates() {
    }

    static byte[] csv(String kind) {
        return ("\uFEFF" + String.join(",", Tabular.columns(kind)) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(String kind) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            Sheet sheet = workbook.createSheet(kind);
            row(sheet.createRow(0), Tabular.columns(kind), header);
            Sheet help = workbook.createSheet("help");
            row(help.createRow(0), List.of("column", "meaning"), header);
            int n = 1;
            for (String column : Tabular.columns(kind)) {
                row(help.createRow(n++), List.of(column, meaning(kind, column)), null);
            }
            String name = Tabular.FIELDS.get(kind).get(1);
            row(help.createRow(n + 1), List.of("", "One row a record; the sheet's name is the kind. Lists are separated by ;. "
                    + "Fill " + name + "_zh, " + name + "_en or both. See docs/import.md."), null);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static String meaning(String kind, String column) {
        String field = column.replaceFirst("_(zh|en)$", "");
        String language = column.endsWith("_zh") ? " (Chinese)" : column.endsWith("_en") ? " (English)" : "";
        int position = Tabular.FIELDS.get(kind).indexOf(field);
        String required = position == 0 ? "required; "
                : position == 1 ? "required: " + field + "_zh, " + field + "_en or both; " // the name or title
                : "";
        String shape = InterchangeCodec.LIST_FIELDS.contains(field) ? "a list separated by ;"
                : InterchangeCodec.INTEGER_FIELDS.contains(field) ? "a whole number (a year)"
                : InterchangeCodec.isText(kind, field) ? "text" + language : "text";
        String note = switch (field) {
            case "id" -> " — the record's external id, unique within its kind; links use it";
            case "type" -> " — " + types(kind);
            case "parent", "organization", "organizations" -> " — ids of organization records";
            case "people" -> " — ids of person records";
            case "region" -> " — a province, prefecture or district, by name or code";
            case "uscc" -> " — unified social credit code, 18 characters, checksum-validated";
            case "orcid" -> " — 0000-0002-1825-0097 or https://orcid.org/…, checksum-validated";
            default -> "";
        };
        return required + shape + note;
    }

    /** The values a kind's {@code type} column takes (docs/interchange.md), and what an empty cell means. */
    private static String types(String kind) {
        return switch (kind) {
            case "organization" -> "one of " + names(OrganizationType.values(), OrganizationType::interchangeName)
                    + "; empty: " + OrganizationType.OTHER.interchangeName();
            case "output" -> "one of " + names(OutputType.values(), OutputType::interchangeName)
                    + "; empty: " + OutputType.ACHIEVEMENT.interchangeName();
            case "facility" -> "one of " + names(FacilityType.values(), FacilityType::interchangeName);
            default -> "see docs/interchange.md";
        };
    }

    private static <T> String names(T[] values, Function<T, String> name) {
        return Arrays.stream(values).map(name).collect(Collectors.joining(", "));
    }

    private static void row(Row row, List<String> values, CellStyle style) {
        for (int i = 0; i < values.size(); i++) {
            var cell = row.createCell(i);
            cell.setCellValue(values.get(i));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
