package org.triplehelix.registry.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hubei's universities from the Ministry of Education list, merged with their ROR record when one
 * has the same Chinese name, and every Chinese organization in ROR: types mapped, bilingual names,
 * region (Hubei prefecture, else province), parent links when both ends are in the bundle.
 */
final class OrganizationConverter {

    private static final Pattern STATE_KEY_LAB = Pattern.compile("(?i)state key lab|国家重点实验室");
    private static final Pattern MAJOR_FACILITY = Pattern.compile(
            "(?i)synchrotron|light source|spallation|telescope|\\bfacility\\b|光源|装置");
    private static final Pattern NATIONAL_LAB = Pattern.compile("(?i)\\bnational laboratory\\b|国家实验室");
    private static final Pattern PROVINCIAL_LAB = Pattern.compile(
            "(?i)\\b(guangdong|hubei|zhejiang|jiangsu|shandong|fujian|henan|hunan|sichuan|shaanxi|anhui) (provincial )?laboratory\\b|省实验室|^湖北.*实验室$");
    private static final Pattern RESEARCH = Pattern.compile(
            "(?i)institute|academy of .*sciences|research|laborator|研究|科学院|实验室");

    /**
     * Hubei universities whose ROR record has no Chinese label or another one than the Ministry's
     * list: matched by hand on the ROR record's website, which is the university's (whsw.net,
     * jcut.edu.cn, hbeu.cn). Keyed by ROR id, valued by the name in the Ministry's list.
     */
    private static final Map<String, String> SAME_UNIVERSITY = Map.of(
            "https://ror.org/00qy3dp86", "武汉生物工程学院",
            "https://ror.org/037kvhq82", "荆楚理工学院",
            "https://ror.org/05amnwk22", "湖北工程学院");

    /** The converted organizations and the name index the fund's institutions are matched against. */
    record Result(List<Record> universities, List<Record> ror, Names names) {
    }

    /** Chinese names (normalized) of the bundled organizations, their ids and regions. */
    static final class Names {
        private final Map<String, String> idByName = new LinkedHashMap<>();
        private final Map<String, String> regionById = new LinkedHashMap<>();

        void add(String name, String id, String region) {
            if (name != null) {
                idByName.putIfAbsent(normalize(name), id);
            }
            regionById.put(id, region);
        }

        Optional<String> exact(String name) {
            return Optional.ofNullable(idByName.get(normalize(name)));
        }

        /** The organization whose name is the longest proper prefix of this one: a school's university. */
        Optional<String> prefix(String name) {
            String key = normalize(name);
            String best = null;
            for (String candidate : idByName.keySet()) {
                if (candidate.length() >= 4 && key.length() > candidate.length() && key.startsWith(candidate)
                        && (best == null || candidate.length() > best.length())) {
                    best = candidate;
                }
            }
            return Optional.ofNullable(best).map(idByName::get);
        }

        String region(String id) {
            return regionById.get(id);
        }

        static String normalize(String name) {
            return name.replace('(', '（').replace(')', '）').replaceAll("\\s+", "");
        }
    }

    Result convert(Path moeCsv, Path rorJsonl) throws IOException {
        List<MoeUniversity> universities = MoeUniversity.readHubei(moeCsv);
        List<RorOrganization> rorRecords = readRor(rorJsonl);
        Map<String, RorOrganization> rorByZh = new LinkedHashMap<>();
        rorRecords.stream().filter(r -> SAME_UNIVERSITY.containsKey(r.rorId()))
                .forEach(r -> rorByZh.put(Names.normalize(SAME_UNIVERSITY.get(r.rorId())), r));
        rorRecords.stream().filter(r -> r.nameZh() != null)
                .forEach(r -> rorByZh.putIfAbsent(Names.normalize(r.nameZh()), r));

        Map<String, String> extIdByRor = new LinkedHashMap<>();
        Names names = new Names();
        List<Record> universityRecords = new ArrayList<>();
        for (MoeUniversity university : universities) {
            RorOrganization ror = rorByZh.get(Names.normalize(university.name()));
            if (ror != null) {
                extIdByRor.put(ror.rorId(), university.id());
            }
            String region = Regions.isHubeiPrefecture(university.city()) ? university.city() : Regions.HUBEI;
            universityRecords.add(university(university, ror, region));
            names.add(university.name(), university.id(), region);
        }
        List<RorOrganization> remaining = rorRecords.stream().filter(r -> !extIdByRor.containsKey(r.rorId())).toList();
        remaining.forEach(r -> extIdByRor.put(r.rorId(), "ror-" + r.shortId()));
        Map<String, String> parents = parents(rorRecords, extIdByRor);
        Map<String, String> regions = regions(remaining, extIdByRor, parents, names);
        List<Record> rorOut = new ArrayList<>();
        for (RorOrganization ror : remaining) {
            String id = extIdByRor.get(ror.rorId());
            rorOut.add(ror(ror, id, parents.get(id), regions.get(id)));
            names.add(ror.nameZh(), id, regions.get(id));
        }
        return new Result(universityRecords, rorOut, names);
    }

    private static List<RorOrganization> readRor(Path jsonl) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<RorOrganization> records = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    records.add(RorOrganization.of(json.readTree(line)));
                }
            }
        }
        return records;
    }

    private static Record university(MoeUniversity university, RorOrganization ror, String region) {
        String level = switch (university.level()) {
            case "本科" -> "bachelor's degree level (本科)";
            case "专科" -> "vocational level (专科)";
            default -> university.level();
        };
        String zh = "普通高等学校（教育部名单，2017）。主管部门：" + university.supervisor() + "；办学层次："
                + university.level() + (university.isPrivate() ? "；民办" : "") + "。";
        String en = "Regular higher-education institution (Ministry of Education list, 2017); supervising body: "
                + university.supervisor() + "; " + level + (university.isPrivate() ? "; private" : "") + ".";
        return Record.organization(university.id())
                .put("type", "university")
                .text("name", university.name(), ror == null ? null : ror.nameEn())
                .put("region", region)
                .put("ror", ror == null ? null : ror.rorId())
                .put("website", ror == null ? null : ror.website())
                .text("description", zh, en)
                .put("established", ror == null ? null : ror.established());
    }

    private static Record ror(RorOrganization ror, String id, String parent, String region) {
        String status = ror.status() == null || "active".equals(ror.status()) ? null : ror.status();
        return Record.organization(id)
                .put("type", type(ror))
                .text("name", ror.nameZh(), ror.nameEn())
                .put("parent", parent)
                .put("region", region)
                .put("ror", ror.rorId())
                .put("website", ror.website())
                .text("description", status == null ? null : "ROR 记录状态：" + status,
                        status == null ? null : "ROR record status: " + status)
                .put("established", ror.established());
    }

    /** The organization type (INTERCHANGE.md) of a ROR record, from its ROR types and its name. */
    static String type(RorOrganization ror) {
        String names = (ror.nameEn() == null ? "" : ror.nameEn()) + " / " + (ror.nameZh() == null ? "" : ror.nameZh());
        String zh = ror.nameZh() == null ? "" : ror.nameZh();
        if (ror.hasType("education")) {
            return zh.contains("科学院") && !zh.contains("大学") ? "research_institute" : "university";
        }
        if (ror.hasType("facility")) {
            return facilityType(names, zh);
        }
        if (ror.hasType("company")) {
            return "enterprise";
        }
        if (ror.hasType("government")) {
            return "government";
        }
        if (ror.hasType("healthcare")) {
            return "other";
        }
        return RESEARCH.matcher(names).find() ? "research_institute" : "other";
    }

    private static String facilityType(String names, String zh) {
        if (STATE_KEY_LAB.matcher(names).find()) {
            return "national_key_laboratory";
        }
        if (MAJOR_FACILITY.matcher(names).find()) {
            return "major_facility";
        }
        if (NATIONAL_LAB.matcher(names).find()) {
            return "national_laboratory";
        }
        if (PROVINCIAL_LAB.matcher(names).find() || PROVINCIAL_LAB.matcher(zh).find()) {
            return "provincial_laboratory";
        }
        return "research_institute";
    }

    /**
     * Parent links by external id: a record's own "parent" relation, else the first record that
     * lists it as a "child"; only when both ends are bundled, never a cycle.
     */
    private static Map<String, String> parents(List<RorOrganization> records, Map<String, String> extIdByRor) {
        Map<String, String> parents = new LinkedHashMap<>();
        for (RorOrganization ror : records) {
            String id = extIdByRor.get(ror.rorId());
            ror.relations().stream()
                    .filter(r -> "parent".equals(r.type()) && extIdByRor.containsKey(r.rorId()))
                    .map(r -> extIdByRor.get(r.rorId()))
                    .filter(parent -> !parent.equals(id))
                    .findFirst().ifPresent(parent -> parents.put(id, parent));
        }
        for (RorOrganization ror : records) {
            String id = extIdByRor.get(ror.rorId());
            for (RorOrganization.Relation relation : ror.relations()) {
                String child = extIdByRor.get(relation.rorId());
                if ("child".equals(relation.type()) && child != null && !child.equals(id)) {
                    parents.putIfAbsent(child, id);
                }
            }
        }
        parents.keySet().removeIf(id -> id.startsWith("moe-"));
        parents.keySet().removeIf(id -> inCycle(id, parents));
        return parents;
    }

    private static boolean inCycle(String id, Map<String, String> parents) {
        Set<String> seen = new HashSet<>();
        for (String at = id; at != null; at = parents.get(at)) {
            if (!seen.add(at)) {
                return true;
            }
        }
        return false;
    }

    /** Hubei records placed only in the province take the prefecture of their parent, when it has one. */
    private static Map<String, String> regions(List<RorOrganization> records, Map<String, String> extIdByRor,
            Map<String, String> parents, Names universities) {
        Map<String, String> regions = new LinkedHashMap<>();
        for (RorOrganization ror : records) {
            regions.put(extIdByRor.get(ror.rorId()), region(ror));
        }
        regions.replaceAll((id, region) -> {
            if (!Regions.HUBEI.equals(region) || parents.get(id) == null) {
                return region;
            }
            String parent = parents.get(id);
            String parentRegion = regions.containsKey(parent) ? regions.get(parent) : universities.region(parent);
            return Regions.isHubeiPrefecture(parentRegion) ? parentRegion : region;
        });
        return regions;
    }

    private static String region(RorOrganization ror) {
        return Regions.province(ror.province())
                .map(p -> Regions.HUBEI.equals(p.zh())
                        ? Regions.hubeiPrefecture(ror.places().toArray(String[]::new)).orElse(Regions.HUBEI)
                        : p.zh())
                .orElse(null);
    }
}
