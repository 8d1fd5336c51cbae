package org.triplehelix.registry.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The National Social Science Fund's Hubei projects (read from the CSV inside the source zip) as
 * outputs of type {@code project}, their principal investigators as people and their institutions
 * as organizations; a project's result (成果) becomes an output of type {@code achievement} when its
 * title is one clean title. A project listed on several rows (grant number repeated) is one record.
 */
final class NssfcConverter {

    private static final Pattern DATE_YEAR = Pattern.compile("^(19|20)\\d\\d-");
    private static final Pattern GRANT_YEAR = Pattern.compile("^\\d\\d[A-Z]");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[、，,;；\\s]+");
    private static final Pattern UNCLEAN_RESULT = Pattern.compile("[；;\\n]|^\\s*\\d+\\s*[.、．]|（(专著|研究报告|论文|论文集)）");
    private static final Map<String, String> DISCIPLINE_SPELLINGS = Map.of(
            "党史•党建", "党史·党建", "党史党建", "党史·党建", "马列科社", "马列·科社");

    /** The columns of social-2017-09-26.csv. */
    private enum Column {
        GRANT, CATEGORY, DISCIPLINE, TITLE, DATE, INVESTIGATOR, RANK, INSTITUTION, INSTITUTION_CLASS, PROVINCE,
        SYSTEM, RESULT_TITLE, RESULT_FORM, RESULT_GRADE, RESULT_DATE, CERTIFICATE, PUBLISHER, PUBLISHED, AUTHORS, AWARDS
    }

    record Result(List<Record> records, int projects, int achievements, int people, int organizations) {
    }

    private final OrganizationConverter.Names bundled;
    private final Map<String, Record> organizations = new LinkedHashMap<>();
    private final Map<String, Record> people = new LinkedHashMap<>();
    private final Map<String, Set<String>> disciplinesByPerson = new LinkedHashMap<>();

    NssfcConverter(OrganizationConverter.Names bundled) {
        this.bundled = bundled;
    }

    Result convert(Path zip) throws IOException {
        Map<String, List<CSVRecord>> projects = new LinkedHashMap<>();
        for (CSVRecord row : readCsv(zip)) {
            if (isHubei(row)) {
                projects.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
            }
        }
        List<Record> outputs = new ArrayList<>();
        int achievements = 0;
        for (Map.Entry<String, List<CSVRecord>> project : projects.entrySet()) {
            outputs.add(project(project.getKey(), project.getValue()));
            Record result = result(project.getKey(), project.getValue());
            if (result != null) {
                outputs.add(result);
                achievements++;
            }
        }
        people.forEach((id, person) -> person.list("disciplines", List.copyOf(disciplinesByPerson.get(id))));
        List<Record> records = new ArrayList<>(organizations.values());
        records.addAll(people.values());
        records.addAll(outputs);
        return new Result(records, projects.size(), achievements, people.size(), organizations.size());
    }

    private static List<CSVRecord> readCsv(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry entry = file.stream().filter(e -> e.getName().endsWith(".csv")).findFirst()
                    .orElseThrow(() -> new IOException("no CSV in " + zip));
            try (Reader reader = new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8)) {
                return CSVFormat.DEFAULT.builder().setSkipHeaderRecord(true).setHeader().get().parse(reader).getRecords();
            }
        }
    }

    /** A Hubei project: the fund lists the province as Hubei, or the institution is a Hubei university. */
    private boolean isHubei(CSVRecord row) {
        String province = get(row, Column.PROVINCE);
        return province.startsWith("湖北") || province.startsWith("武汉")
                || bundled.exact(get(row, Column.INSTITUTION)).filter(id -> id.startsWith("moe-")).isPresent();
    }

    private static String key(CSVRecord row) {
        String grant = get(row, Column.GRANT);
        return grant.isEmpty()
                ? "x" + Ids.hash(get(row, Column.TITLE), investigators(row).toString(), get(row, Column.INSTITUTION))
                : grant;
    }

    private Record project(String key, List<CSVRecord> rows) {
        String discipline = discipline(rows);
        List<String> team = team(rows, discipline);
        return Record.output("nssfc-" + key)
                .put("type", "project")
                .text("title", Ids.clean(first(rows, Column.TITLE)), null)
                .put("year", year(first(rows, Column.DATE), key))
                .put("discipline", discipline)
                .list("people", team)
                .list("organizations", List.of(organization(first(rows, Column.INSTITUTION))));
    }

    private Record result(String key, List<CSVRecord> rows) {
        String title = first(rows, Column.RESULT_TITLE);
        if (title.length() < 4 || UNCLEAN_RESULT.matcher(title).find()) {
            return null;
        }
        String discipline = discipline(rows);
        return Record.output("nssfc-" + key + "-result")
                .put("type", "achievement")
                .text("title", Ids.clean(title), null)
                .put("year", year(first(rows, Column.RESULT_DATE), null))
                .put("discipline", discipline)
                .list("people", team(rows, discipline))
                .list("organizations", List.of(organization(first(rows, Column.INSTITUTION))));
    }

    /** The principal investigator first, then any co-investigators named in the same field. */
    private List<String> team(List<CSVRecord> rows, String discipline) {
        String institution = first(rows, Column.INSTITUTION);
        String organization = organization(institution);
        String rank = first(rows, Column.RANK);
        List<String> ids = new ArrayList<>();
        for (String name : investigators(rows.getFirst())) {
            String id = "nssfc-person-" + Ids.hash(name, institution);
            people.computeIfAbsent(id, k -> Record.person(id)
                    .text("name", name, null)
                    .put("organization", organization)
                    .put("title", ids.isEmpty() && !"0".equals(rank) ? rank : null));
            if (discipline != null) {
                disciplinesByPerson.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(discipline);
            } else {
                disciplinesByPerson.computeIfAbsent(id, k -> new LinkedHashSet<>());
            }
            ids.add(id);
        }
        return ids;
    }

    private static List<String> investigators(CSVRecord row) {
        return Arrays.stream(NAME_SEPARATORS.split(get(row, Column.INVESTIGATOR)))
                .filter(name -> !name.isBlank()).distinct().toList();
    }

    /** The institution's id: a bundled university or ROR organization of that exact name, else one of its own. */
    private String organization(String institution) {
        String name = Ids.clean(institution);
        if (bundled.exact(name).isPresent()) {
            return bundled.exact(name).get();
        }
        String id = "nssfc-org-" + Ids.hash(name);
        organizations.computeIfAbsent(id, k -> newOrganization(id, name));
        return id;
    }

    /** An institution of its own, in Hubei: under the bundled organization whose name begins its name, if any. */
    private Record newOrganization(String id, String name) {
        String parent = bundled.prefix(name).orElse(null);
        String parentRegion = parent == null ? null : bundled.region(parent);
        String region = Regions.hubeiPrefectureIn(name)
                .orElse(Regions.isHubeiPrefecture(parentRegion) ? parentRegion : Regions.HUBEI);
        return Record.organization(id)
                .put("type", parent != null ? departmentType(name) : type(name))
                .text("name", name, null)
                .put("parent", parent)
                .put("region", region);
    }

    private static String departmentType(String name) {
        return name.matches(".*(研究所|研究院|研究中心|实验室)$") ? "research_institute" : "other";
    }

    private static String type(String name) {
        if (name.contains("党校") || name.contains("行政学院")) {
            return "other";
        }
        if (name.matches(".*(研究所|研究院|研究中心|科学院).*")) {
            return "research_institute";
        }
        if (name.matches(".*(大学|学院|学校).*")) {
            return "university";
        }
        if (name.matches(".*(厅|局|委员会|政府|办公室|人大|政协|法院|检察院).*")) {
            return "government";
        }
        return "other";
    }

    private static String discipline(List<CSVRecord> rows) {
        String discipline = first(rows, Column.DISCIPLINE);
        return discipline.isEmpty() ? null : DISCIPLINE_SPELLINGS.getOrDefault(discipline, discipline);
    }

    /** The year of a date "2017-06-30"; for a project without one, the year its grant number starts with. */
    private static Integer year(String date, String grant) {
        if (DATE_YEAR.matcher(date).find()) {
            return Integer.valueOf(date.substring(0, 4));
        }
        if (grant != null && GRANT_YEAR.matcher(grant).find()) {
            int twoDigits = Integer.parseInt(grant.substring(0, 2));
            return twoDigits >= 80 ? 1900 + twoDigits : 2000 + twoDigits;
        }
        return null;
    }

    /** The first non-empty value of a column over a project's rows, in file order. */
    private static String first(List<CSVRecord> rows, Column column) {
        return rows.stream().map(row -> get(row, column)).filter(v -> !v.isEmpty()).findFirst().orElse("");
    }

    private static String get(CSVRecord row, Column column) {
        return column.ordinal() < row.size() ? row.get(column.ordinal()).strip() : "";
    }
}
