package org.triplehelix.registry.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A row of the Ministry of Education list of regular higher-education institutions (2017): name,
 * 10-digit institution code (41 + GB/T 2260 province code + serial), supervising body, city, level
 * (本科 bachelor's, 专科 vocational) and remarks (民办 private).
 */
record MoeUniversity(String code, String name, String supervisor, String city, String level, String remarks) {

    static final String HUBEI_CODE_PREFIX = "4142";

    static List<MoeUniversity> readHubei(Path csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<MoeUniversity> universities = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                if (row.get("moe_code").startsWith(HUBEI_CODE_PREFIX)) {
                    universities.add(new MoeUniversity(row.get("moe_code"), Ids.clean(row.get("name")),
                            row.get("supervisor").strip(), row.get("city").strip(), row.get("level").strip(),
                            row.get("remarks").strip()));
                }
            }
        }
        return universities;
    }

    String id() {
        return "moe-" + code;
    }

    boolean isPrivate() {
        return remarks.contains("民办");
    }
}
