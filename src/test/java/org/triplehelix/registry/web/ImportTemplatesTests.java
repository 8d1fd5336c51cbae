package org.triplehelix.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.triplehelix.registry.FacilityType;
import org.triplehelix.registry.OrganizationType;
import org.triplehelix.registry.OutputType;

/**
 * The help sheet of the XLSX templates a user downloads from the import page: it must be enough on its
 * own, outside the project (no INTERCHANGE.md there), and say of each kind what that kind needs.
 */
class ImportTemplatesTests {

    @Test
    void theTypeColumnListsTheValuesTheImportTakes() throws IOException {
        String organization = help("organization").get("type");
        Arrays.stream(OrganizationType.values()).forEach(type -> assertThat(organization).contains(type.interchangeName()));
        assertThat(organization).contains("empty: other").doesNotContain("INTERCHANGE.md");

        String output = help("output").get("type");
        Arrays.stream(OutputType.values()).forEach(type -> assertThat(output).contains(type.interchangeName()));
        assertThat(output).contains("empty: achievement").doesNotContain("INTERCHANGE.md");

        String facility = help("facility").get("type");
        Arrays.stream(FacilityType.values()).forEach(type -> assertThat(facility).contains(type.interchangeName()));
        assertThat(facility).doesNotContain("INTERCHANGE.md");
    }

    @Test
    void eitherLanguageOfTheNameIsEnoughAndTheNoteNamesTheKindsOwnColumns() throws IOException {
        Map<String, String> organization = help("organization");
        assertThat(organization.get("id")).startsWith("required; ");
        assertThat(organization.get("name_zh")).startsWith("required: name_zh, name_en or both; ");
        assertThat(organization.get("name_en")).startsWith("required: name_zh, name_en or both; ");
        assertThat(organization.get("")).contains("Fill name_zh, name_en or both");

        Map<String, String> output = help("output");
        assertThat(output.get("title_en")).startsWith("required: title_zh, title_en or both; ");
        assertThat(output.get("")).contains("Fill title_zh, title_en or both").doesNotContain("name_");
        assertThat(help("demand").get("")).contains("Fill title_zh, title_en or both").doesNotContain("name_");
    }

    /** The help sheet: column → meaning (the closing note under the empty column name). */
    private static Map<String, String> help(String kind) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ImportTemplates.xlsx(kind)))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo(kind);
            Sheet help = workbook.getSheet("help");
            Map<String, String> meanings = new LinkedHashMap<>();
            for (Row row : help) {
                if (row.getRowNum() > 0 && row.getCell(1) != null) {
                    meanings.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
                }
            }
            return meanings;
        }
    }
}
