package org.triplehelix.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.db.Collations;

/**
 * Reads of the registry for the pages and the JSON API: counts by tier, lists with search,
 * filters, sorting and pagination, profiles with their links, and the taxonomies.
 *
 * <p>Search is a case-insensitive substring match of every whitespace-separated term against
 * the names (titles) in both languages and the keywords, through {@code registry_search_text}
 * and its trigram indexes (V2_9). Records are identified by their external id everywhere;
 * internal keys never leave this class. Every SQL statement takes its values as parameters.
 */
@Service
public class RegistryQueries {

    public static final List<String> ORGANIZATION_TYPES = List.of("national_laboratory", "provincial_laboratory",
            "national_key_laboratory", "major_facility", "new_rd_institution", "university", "research_institute",
            "enterprise", "government", "other");
    /** The organization types the province reports as its innovation base, in its order. */
    public static final List<String> TIERS = ORGANIZATION_TYPES.subList(0, 8);
    public static final List<String> OUTPUT_TYPES = List.of("project", "paper", "patent", "achievement", "standard", "software");
    public static final List<String> FACILITY_TYPES = List.of("major_facility", "instrument");
    public static final List<String> INDUSTRY_GROUPS = List.of("traditional", "emerging", "future");
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    static final int MAX_QUERY_LENGTH = 100;
    static final int MAX_TERMS = 5;
    static final int PROFILE_LIST_SIZE = 10;
    static final int RELATED_LIMIT = 20;

    private static final Table ORGANIZATIONS = new Table("organization", "o", "name_zh", "name_en",
            "registry_search_text(o.name_zh, o.name_en)", List.of("o.name_zh", "o.name_en"), ORGANIZATION_TYPES,
            List.of("relevance", "name", "year", "updated"), "name");
    private static final Table PERSONS = new Table("person", "p", "name_zh", "name_en",
            "registry_search_text(p.name_zh, p.name_en, p.keywords)",
            List.of("p.name_zh", "p.name_en", "array_to_string(p.keywords, ' ')"), List.of(),
            List.of("relevance", "name", "updated"), "name");
    private static final Table OUTPUTS = new Table("output", "u", "title_zh", "title_en",
            "registry_search_text(u.title_zh, u.title_en, u.keywords)",
            List.of("u.title_zh", "u.title_en", "array_to_string(u.keywords, ' ')"), OUTPUT_TYPES,
            List.of("relevance", "year", "name", "updated"), "year");
    private static final Table FACILITIES = new Table("facility", "f", "name_zh", "name_en",
            "registry_search_text(f.name_zh, f.name_en, f.keywords)",
            List.of("f.name_zh", "f.name_en", "array_to_string(f.keywords, ' ')"), FACILITY_TYPES,
            List.of("relevance", "name", "updated"), "name");

    private final JdbcClient jdbc;
    private final Collations collations;

    public RegistryQueries(JdbcClient jdbc, Collations collations) {
        this.jdbc = jdbc;
        this.collations = collations;
    }

    // ---------------------------------------------------------------------------------------------
    // Records handed out

    /** A link to a record: its kind (organization, person, output, facility), external id and name. */
    public record Ref(String kind, String id, Text name, boolean illustrative) {

        /** The record's page, e.g. {@code /organizations/org-1}. */
        public String path() {
            return "/" + plural(kind) + "/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
        }
    }

    /** A related record and how many outputs it shares with the one shown. */
    public record Linked(Ref record, long shared) {
    }

    public record OrganizationItem(String id, String type, Text name, String region, Text regionName, Ref parent,
                                   Integer established, boolean illustrative, Instant updatedAt) {

        public Ref ref() {
            return new Ref("organization", id, name, illustrative);
        }
    }

    public record PersonItem(String id, Text name, String title, Ref organization, List<String> disciplines,
                             List<String> keywords, boolean illustrative, Instant updatedAt) {

        public Ref ref() {
            return new Ref("person", id, name, illustrative);
        }
    }

    /** An output with its first person and first organization (principal investigator, lead institution). */
    public record OutputItem(String id, String type, Text title, Integer year, String discipline, List<String> keywords,
                             Ref lead, Ref organization, boolean illustrative, Instant updatedAt) {

        public Ref ref() {
            return new Ref("output", id, title, illustrative);
        }
    }

    public record FacilityItem(String id, String type, Text name, Ref organization, String region, Text regionName,
                               List<String> keywords, boolean illustrative, Instant updatedAt) {

        public Ref ref() {
            return new Ref("facility", id, name, illustrative);
        }
    }

    public record OrganizationProfile(OrganizationItem organization, String ror, String uscc, String website,
                                      Text description, List<Ref> children, long childCount, Page<PersonItem> people,
                                      Page<OutputItem> outputs, Page<FacilityItem> facilities, List<Linked> collaborators) {
    }

    public record PersonProfile(PersonItem person, String orcid, Text description, Page<OutputItem> outputs,
                                List<Linked> coauthors) {
    }

    public record OutputProfile(OutputItem output, @JsonProperty("abstract") Text summary, List<Ref> people,
                                List<Ref> organizations) {
    }

    public record FacilityProfile(FacilityItem facility, Text description) {
    }

    /**
     * The innovation base in numbers, within a region (and everything under it) or everywhere
     * ({@code region} null): organizations by type, people, outputs, facilities.
     */
    public record Stats(String region, Text regionName, Map<String, Long> organizations, long persons,
                        long outputs, Map<String, Long> outputsByType, long facilities,
                        Map<String, Long> facilitiesByType, long industries, long technologies) {
    }

    public record Region(String code, Text name, String level, String parentCode) {
    }

    public record Discipline(String code, Text name, String parentCode) {
    }

    public record Industry(String code, Text name, String group, long technologies) {
    }

    public record Technology(String code, Text name, String industryCode, Text industryName, Text description,
                             boolean illustrative) {
    }

    /**
     * What a list asks for. Blank values mean "no filter". {@code region} is a region code or
     * name and takes in everything under it (a prefecture its districts); {@code organization},
     * {@code person} and {@code parent} are external ids; {@code sort} is one of relevance, name,
     * year, updated (relevance needs a query); {@code page} counts from 0.
     */
    public record Criteria(String q, String type, String region, String discipline, String organization,
                           String person, String parent, Integer yearFrom, Integer yearTo, String sort,
                           int page, int size, boolean english, List<String> ranked) {

        public Criteria {
            ranked = ranked == null ? null : List.copyOf(ranked);
            q = clean(q);
            if (q != null && q.codePointCount(0, q.length()) > MAX_QUERY_LENGTH) {
                q = q.substring(0, q.offsetByCodePoints(0, MAX_QUERY_LENGTH));
            }
            type = clean(type);
            region = clean(region);
            discipline = clean(discipline);
            organization = clean(organization);
            person = clean(person);
            parent = clean(parent);
            sort = clean(sort);
            if (page < 0) {
                throw new InvalidInputException("page", "page must be 0 or more", "registry.list.error.page");
            }
            if (size < 1 || size > MAX_SIZE) {
                throw new InvalidInputException("size", "size must be between 1 and " + MAX_SIZE, "registry.list.error.size",
                        String.valueOf(MAX_SIZE));
            }
            if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
                throw new InvalidInputException("yearTo", "yearTo must not be before yearFrom", "registry.list.error.years",
                        String.valueOf(yearFrom), String.valueOf(yearTo));
            }
        }

        /** Everything, first page, in Chinese. */
        public static Criteria all() {
            return new Criteria(null, null, null, null, null, null, null, null, null, null, 0, DEFAULT_SIZE, false, null);
        }

        /**
         * Exactly these records, in this order (the header search ranked them with the matching
         * engine); the text of {@code q} then only labels the results.
         */
        public Criteria withRanked(List<String> extIds) {
            return new Criteria(q, type, region, discipline, organization, person, parent, yearFrom, yearTo, sort, page, size, english, extIds);
        }

        public Criteria withQ(String value) {
            return new Criteria(value, type, region, discipline, organization, person, parent, yearFrom, yearTo, sort, page, size, english, ranked);
        }

        public Criteria withType(String value) {
            return new Criteria(q, value, region, discipline, organization, person, parent, yearFrom, yearTo, sort, page, size, english, ranked);
        }

        public Criteria withRegion(String value) {
            return new Criteria(q, type, value, discipline, organization, person, parent, yearFrom, yearTo, sort, page, size, english, ranked);
        }

        public Criteria withDiscipline(String value) {
            return new Criteria(q, type, region, value, organization, person, parent, yearFrom, yearTo, sort, page, size, english, ranked);
        }

        public Criteria withOrganization(String value) {
            return new Criteria(q, type, region, discipline, value, person, parent, yearFrom, yearTo, sort, page, size, english, ranked);
        }

        public Criteria withPerson(String value) {
            return new Criteria(q, type, region, discipline, organization, value, parent, yearFrom, yearTo, sort, page, size, english, ranked);
        }

        public Criteria withParent(String value) {
            return new Criteria(q, type, region, discipline, organization, person, value, yearFrom, yearTo, sort, page, size, english, ranked);
        }

        public Criteria withYears(Integer from, Integer to) {
            return new Criteria(q, type, region, discipline, organization, person, parent, from, to, sort, page, size, english, ranked);
        }

        public Criteria withSort(String value) {
            return new Criteria(q, type, region, discipline, organization, person, parent, yearFrom, yearTo, value, page, size, english, ranked);
        }

        public Criteria withPage(int value) {
            return new Criteria(q, type, region, discipline, organization, person, parent, yearFrom, yearTo, sort, value, size, english, ranked);
        }

        public Criteria withSize(int value) {
            return new Criteria(q, type, region, discipline, organization, person, parent, yearFrom, yearTo, sort, page, value, english, ranked);
        }

        public Criteria inEnglish(boolean value) {
            return new Criteria(q, type, region, discipline, organization, person, parent, yearFrom, yearTo, sort, page, size, value, ranked);
        }

        /** The query's terms, each of which must occur (at most {@value #MAX_TERMS}). */
        List<String> terms() {
            return q == null ? List.of() : Arrays.stream(q.split("[\\s\\u3000]+")).filter(t -> !t.isEmpty()).limit(MAX_TERMS).toList();
        }

        /** Blank to null; control characters out (PostgreSQL text cannot hold NUL). */
        private static String clean(String value) {
            String text = value == null ? null : value.replaceAll("\\p{Cntrl}", "").strip();
            return text == null || text.isEmpty() ? null : text;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Counts

    /** The counts by tier and kind within a region code or name (null: everywhere). */
    public Stats stats(String region) {
        Criteria criteria = Criteria.all().withRegion(region);
        Map<String, Long> organizations = countsByType(ORGANIZATIONS, ORGANIZATION_TYPES, organizationWhere(criteria));
        Map<String, Long> outputs = countsByType(OUTPUTS, OUTPUT_TYPES, outputWhere(criteria));
        Map<String, Long> facilities = countsByType(FACILITIES, FACILITY_TYPES, facilityWhere(criteria));
        return new Stats(criteria.region(), criteria.region() == null ? null : region(criteria.region()).map(Region::name).orElse(null),
                organizations, count(PERSONS, personWhere(criteria)),
                sum(outputs), outputs, sum(facilities), facilities,
                jdbc.sql("select count(*) from industry").query(Long.class).single(),
                jdbc.sql("select count(*) from key_core_technology").query(Long.class).single());
    }

    private Map<String, Long> countsByType(Table table, List<String> types, Where where) {
        Map<String, Long> counts = new LinkedHashMap<>();
        types.forEach(type -> counts.put(type, 0L));
        jdbc.sql("select " + table.alias() + ".type, count(*) from " + table.kind() + " " + table.alias() + where.sql()
                        + " group by " + table.alias() + ".type")
                .params(where.params())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** How many records of a kind the criteria select: a list page's total, without the page. */
    public long total(RecordKind kind, Criteria criteria) {
        return switch (kind) {
            case ORGANIZATION -> count(ORGANIZATIONS, organizationWhere(criteria));
            case PERSON -> count(PERSONS, personWhere(criteria));
            case OUTPUT -> count(OUTPUTS, outputWhere(criteria));
            case FACILITY -> count(FACILITIES, facilityWhere(criteria));
        };
    }

    private long count(Table table, Where where) {
        return jdbc.sql("select count(*) from " + table.kind() + " " + table.alias() + where.sql())
                .params(where.params()).query(Long.class).single();
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    // ---------------------------------------------------------------------------------------------
    // Lists

    public Page<OrganizationItem> organizations(Criteria criteria) {
        Where where = organizationWhere(criteria);
        return page(ORGANIZATIONS, criteria, where, """
                select o.ext_id, o.type, o.name_zh, o.name_en, o.region, r.name_zh as region_zh, r.name_en as region_en,
                       o.established, o.illustrative, o.updated_at,
                       pa.ext_id as parent_ext_id, pa.name_zh as parent_zh, pa.name_en as parent_en, pa.illustrative as parent_illustrative
                from organization o
                left join region r on r.code = o.region_code
                left join organization pa on pa.id = o.parent_id""", RegistryQueries::organizationItem);
    }

    public Page<PersonItem> persons(Criteria criteria) {
        Where where = personWhere(criteria);
        return page(PERSONS, criteria, where, """
                select p.ext_id, p.name_zh, p.name_en, p.title, p.disciplines, p.keywords, p.illustrative, p.updated_at,
                       g.ext_id as org_ext_id, g.name_zh as org_zh, g.name_en as org_en, g.illustrative as org_illustrative
                from person p
                left join organization g on g.id = p.organization_id""", RegistryQueries::personItem);
    }

    public Page<OutputItem> outputs(Criteria criteria) {
        Where where = outputWhere(criteria);
        Page<Map.Entry<Long, OutputItem>> rows = page(OUTPUTS, criteria, where, """
                select u.id, u.ext_id, u.type, u.title_zh, u.title_en, u.year, u.discipline, u.keywords, u.illustrative, u.updated_at
                from output u""", (rs, n) -> Map.entry(rs.getLong("id"), outputItem(rs, null, null)));
        return withLeads(rows);
    }

    public Page<FacilityItem> facilities(Criteria criteria) {
        Where where = facilityWhere(criteria);
        return page(FACILITIES, criteria, where, """
                select f.ext_id, f.type, f.name_zh, f.name_en, f.region, r.name_zh as region_zh, r.name_en as region_en,
                       f.keywords, f.illustrative, f.updated_at,
                       g.ext_id as org_ext_id, g.name_zh as org_zh, g.name_en as org_en, g.illustrative as org_illustrative
                from facility f
                left join region r on r.code = f.region_code
                left join organization g on g.id = f.organization_id""", RegistryQueries::facilityItem);
    }

    private <T> Page<T> page(Table table, Criteria criteria, Where where, String select,
                             org.springframework.jdbc.core.RowMapper<T> mapper) {
        String orderBy = orderBy(table, criteria, where);
        long total = count(table, where);
        List<T> items = total == 0 ? List.of() : jdbc.sql(select + where.sql() + orderBy + " limit :limit offset :offset")
                .params(where.params())
                .param("limit", criteria.size())
                .param("offset", (long) criteria.page() * criteria.size())
                .query(mapper)
                .list();
        return new Page<>(items, criteria.page(), criteria.size(), total);
    }

    /** Fills in each output's first person and first organization, in two queries for the page. */
    private Page<OutputItem> withLeads(Page<Map.Entry<Long, OutputItem>> rows) {
        List<Long> ids = rows.items().stream().map(Map.Entry::getKey).toList();
        if (ids.isEmpty()) {
            return rows.map(Map.Entry::getValue);
        }
        Map<Long, Ref> people = firstLinks("""
                select distinct on (op.output_id) op.output_id, p.ext_id, p.name_zh, p.name_en, p.illustrative
                from output_person op join person p on p.id = op.person_id
                where op.output_id in (:ids) order by op.output_id, op.position""", "person", ids);
        Map<Long, Ref> organizations = firstLinks("""
                select distinct on (oo.output_id) oo.output_id, g.ext_id, g.name_zh, g.name_en, g.illustrative
                from output_organization oo join organization g on g.id = oo.organization_id
                where oo.output_id in (:ids) order by oo.output_id, oo.position""", "organization", ids);
        return rows.map(e -> {
            OutputItem o = e.getValue();
            return new OutputItem(o.id(), o.type(), o.title(), o.year(), o.discipline(), o.keywords(),
                    people.get(e.getKey()), organizations.get(e.getKey()), o.illustrative(), o.updatedAt());
        });
    }

    private Map<Long, Ref> firstLinks(String sql, String kind, List<Long> ids) {
        Map<Long, Ref> links = new HashMap<>();
        jdbc.sql(sql).param("ids", ids).query((rs, n) -> Map.entry(rs.getLong(1),
                        new Ref(kind, rs.getString(2), new Text(rs.getString(3), rs.getString(4)), rs.getBoolean(5))))
                .list()
                .forEach(e -> links.put(e.getKey(), e.getValue()));
        return links;
    }

    // ---------------------------------------------------------------------------------------------
    // Filters: every value goes in as a parameter; only fixed SQL fragments are concatenated.

    private Where organizationWhere(Criteria c) {
        Where where = common(ORGANIZATIONS, c);
        RegionScope scope = regionScope(c.region());
        if (scope != null) {
            where.add(where.region(scope, "o"));
        }
        if (c.parent() != null) {
            where.add("o.parent_id = (select id from organization where ext_id = :parent)", "parent", c.parent());
        }
        where.addYears("o.established", c);
        return where;
    }

    private Where personWhere(Criteria c) {
        Where where = common(PERSONS, c);
        RegionScope scope = regionScope(c.region());
        if (scope != null) {
            where.add("exists (select 1 from organization g where g.id = p.organization_id and " + where.region(scope, "g") + ")");
        }
        List<String> disciplines = disciplineTerms(c.discipline());
        if (disciplines != null) {
            where.add("exists (select 1 from unnest(p.disciplines) d where d in (:disciplines))", "disciplines", disciplines);
        }
        if (c.organization() != null) {
            where.add("p.organization_id = (select id from organization where ext_id = :organization)", "organization", c.organization());
        }
        return where;
    }

    private Where outputWhere(Criteria c) {
        Where where = common(OUTPUTS, c);
        RegionScope scope = regionScope(c.region());
        if (scope != null) {
            where.add("exists (select 1 from output_organization oo join organization g on g.id = oo.organization_id"
                    + " where oo.output_id = u.id and " + where.region(scope, "g") + ")");
        }
        List<String> disciplines = disciplineTerms(c.discipline());
        if (disciplines != null) {
            where.add("u.discipline in (:disciplines)", "disciplines", disciplines);
        }
        if (c.organization() != null) {
            where.add("exists (select 1 from output_organization oo where oo.output_id = u.id"
                    + " and oo.organization_id = (select id from organization where ext_id = :organization))", "organization", c.organization());
        }
        if (c.person() != null) {
            where.add("exists (select 1 from output_person op where op.output_id = u.id"
                    + " and op.person_id = (select id from person where ext_id = :person))", "person", c.person());
        }
        where.addYears("u.year", c);
        return where;
    }

    private Where facilityWhere(Criteria c) {
        Where where = common(FACILITIES, c);
        RegionScope scope = regionScope(c.region());
        if (scope != null) {
            // a facility's own region, else its organization's
            where.add("(" + where.region(scope, "f") + " or (f.region is null and f.region_code is null and exists"
                    + " (select 1 from organization g where g.id = f.organization_id and " + where.region(scope, "g") + ")))");
        }
        if (c.organization() != null) {
            where.add("f.organization_id = (select id from organization where ext_id = :organization)", "organization", c.organization());
        }
        return where;
    }

    /** The query terms and the type, which every kind has in common. */
    private static Where common(Table table, Criteria c) {
        Where where = new Where();
        if (c.ranked() != null) {
            where.add(table.alias() + ".ext_id = any(:ranked)", "ranked", c.ranked().toArray(String[]::new));
        }
        List<String> terms = c.ranked() != null ? List.of() : c.terms();
        for (int i = 0; i < terms.size(); i++) {
            where.add(termCondition(table, terms.get(i), ":term" + i), "term" + i, "%" + escapeLike(terms.get(i)) + "%");
        }
        if (c.type() != null) {
            if (!table.types().contains(c.type())) {
                throw new InvalidInputException("type", "type must be one of " + table.types() + " for " + plural(table.kind()),
                        "registry.list.error.type", c.type());
            }
            where.add(table.alias() + ".type = :type", "type", c.type());
        }
        return where;
    }

    /**
     * A term of three letters or digits or more goes through the trigram index on
     * {@code registry_search_text}. A shorter one (华中, AI) has no trigram: it is matched column
     * by column, which PostgreSQL scans several times faster than it calls the search function on
     * every row (outputs of the NSSFC corpus: 33 ms against 550 ms); a term without upper or lower
     * case, such as Chinese, needs no case folding at all.
     */
    private static String termCondition(Table table, String term, String parameter) {
        if (term.codePointCount(0, term.length()) >= 3 && term.codePoints().allMatch(Character::isLetterOrDigit)) {
            return table.searchText() + " like lower(" + parameter + ")";
        }
        String operator = term.toLowerCase(Locale.ROOT).equals(term.toUpperCase(Locale.ROOT)) ? " like " : " ilike ";
        return "(" + table.searchColumns().stream().map(column -> column + operator + parameter)
                .collect(Collectors.joining(" or ")) + ")";
    }

    private String orderBy(Table table, Criteria c, Where where) {
        if (c.ranked() != null) {
            return " order by array_position(:ranked, " + table.alias() + ".ext_id)";
        }
        String sort = c.sort() == null ? (c.q() == null ? table.defaultSort() : "relevance") : c.sort();
        if (!table.sorts().contains(sort)) {
            throw new InvalidInputException("sort", "sort must be one of " + table.sorts() + " for " + plural(table.kind()),
                    "registry.list.error.sort", sort);
        }
        String a = table.alias();
        String name = nameOrder(a + "." + table.zh(), a + "." + table.en(), c.english());
        String year = table == OUTPUTS ? "u.year" : "o.established";
        return switch (sort) {
            case "relevance" -> c.q() == null ? " order by " + name + ", " + a + ".ext_id" : relevance(table, c, where) + ", " + name + ", " + a + ".ext_id";
            case "year" -> " order by " + year + " desc nulls last, " + name + ", " + a + ".ext_id";
            case "updated" -> " order by " + a + ".updated_at desc, " + a + ".ext_id";
            default -> " order by " + name + ", " + a + ".ext_id";
        };
    }

    /** Exact name first, then names that start with the query, then shorter names. */
    private static String relevance(Table table, Criteria c, Where where) {
        String zh = "lower(coalesce(" + table.alias() + "." + table.zh() + ", ''))";
        String en = "lower(coalesce(" + table.alias() + "." + table.en() + ", ''))";
        where.params().put("exact", c.q());
        where.params().put("prefix", escapeLike(c.q()) + "%");
        return " order by case when " + zh + " = lower(:exact) or " + en + " = lower(:exact) then 0"
                + " when " + zh + " like lower(:prefix) or " + en + " like lower(:prefix) then 1 else 2 end,"
                + " length(coalesce(" + table.alias() + "." + table.zh() + ", " + table.alias() + "." + table.en() + "))";
    }

    /** Names in the reader's language first; Chinese in pinyin order where ICU collations exist. */
    private String nameOrder(String zh, String en, boolean english) {
        String expression = english ? "coalesce(" + en + ", " + zh + ")" : "coalesce(" + zh + ", " + en + ")";
        if (!collations.icu()) {
            return expression;
        }
        return expression + (english ? " collate \"en-x-icu\"" : " collate \"zh-x-icu\"");
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The region codes and the names (as given in records) that a region filter takes in. */
    private record RegionScope(List<String> codes, List<String> names) {
    }

    private RegionScope regionScope(String region) {
        if (region == null) {
            return null;
        }
        List<Region> regions = jdbc.sql("""
                        with recursive tree(code) as (
                            select code from region where code = :region or name_zh = :region or lower(name_en) = lower(:region)
                            union
                            select c.code from region c join tree t on c.parent_code = t.code)
                        select r.code, r.name_zh, r.name_en, r.level, r.parent_code from region r join tree using (code)""")
                .param("region", region)
                .query(RegistryQueries::regionRow)
                .list();
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(region);
        regions.forEach(r -> {
            names.add(r.code());
            names.add(r.name().zh());
            if (r.name().en() != null) {
                names.add(r.name().en());
            }
        });
        names.remove(null);
        return new RegionScope(regions.stream().map(Region::code).toList(), List.copyOf(names));
    }

    /** A discipline code or name, its descendants, and their names (records keep either). */
    private List<String> disciplineTerms(String discipline) {
        if (discipline == null) {
            return null;
        }
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        terms.add(discipline);
        jdbc.sql("""
                        with recursive tree(code) as (
                            select code from discipline where code = :discipline or name_zh = :discipline or lower(name_en) = lower(:discipline)
                            union
                            select c.code from discipline c join tree t on c.parent_code = t.code)
                        select d.code, d.name_zh, d.name_en from discipline d join tree using (code)""")
                .param("discipline", discipline)
                .query((rs, n) -> Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(terms::addAll);
        terms.remove(null);
        return List.copyOf(terms);
    }

    // ---------------------------------------------------------------------------------------------
    // Profiles

    public OrganizationProfile organization(String extId, boolean english) {
        Long id = internalId("organization", extId);
        OrganizationItem organization = jdbc.sql("""
                        select o.ext_id, o.type, o.name_zh, o.name_en, o.region, r.name_zh as region_zh, r.name_en as region_en,
                               o.established, o.illustrative, o.updated_at,
                               pa.ext_id as parent_ext_id, pa.name_zh as parent_zh, pa.name_en as parent_en, pa.illustrative as parent_illustrative
                        from organization o
                        left join region r on r.code = o.region_code
                        left join organization pa on pa.id = o.parent_id
                        where o.id = :id""")
                .param("id", id).query(RegistryQueries::organizationItem).single();
        Map<String, Object> details = jdbc.sql("select ror, uscc, website, description_zh, description_en from organization where id = :id")
                .param("id", id).query().singleRow();
        List<Ref> children = jdbc.sql("select ext_id, name_zh, name_en, illustrative from organization where parent_id = :id"
                        + " order by " + nameOrder("name_zh", "name_en", english) + ", ext_id limit :limit")
                .param("id", id).param("limit", MAX_SIZE)
                .query((rs, n) -> ref(rs, "organization")).list();
        long childCount = jdbc.sql("select count(*) from organization where parent_id = :id").param("id", id).query(Long.class).single();
        Criteria related = Criteria.all().withOrganization(extId).withSize(PROFILE_LIST_SIZE).inEnglish(english);
        return new OrganizationProfile(organization, (String) details.get("ror"), (String) details.get("uscc"),
                (String) details.get("website"), text(details), children, childCount,
                persons(related), outputs(related.withSort("year")), facilities(related), collaborators(id));
    }

    /** Organizations sharing outputs with this one, most shared first. */
    private List<Linked> collaborators(long id) {
        return jdbc.sql("""
                        select g.ext_id, g.name_zh, g.name_en, g.illustrative, count(*) as shared
                        from output_organization a
                        join output_organization b on b.output_id = a.output_id and b.organization_id <> a.organization_id
                        join organization g on g.id = b.organization_id
                        where a.organization_id = :id
                        group by g.id order by shared desc, g.ext_id limit :limit""")
                .param("id", id).param("limit", RELATED_LIMIT)
                .query((rs, n) -> new Linked(ref(rs, "organization"), rs.getLong("shared"))).list();
    }

    public PersonProfile person(String extId, boolean english) {
        Long id = internalId("person", extId);
        PersonItem person = jdbc.sql("""
                        select p.ext_id, p.name_zh, p.name_en, p.title, p.disciplines, p.keywords, p.illustrative, p.updated_at,
                               g.ext_id as org_ext_id, g.name_zh as org_zh, g.name_en as org_en, g.illustrative as org_illustrative
                        from person p left join organization g on g.id = p.organization_id
                        where p.id = :id""")
                .param("id", id).query(RegistryQueries::personItem).single();
        Map<String, Object> details = jdbc.sql("select orcid, description_zh, description_en from person where id = :id")
                .param("id", id).query().singleRow();
        Criteria related = Criteria.all().withPerson(extId).withSize(PROFILE_LIST_SIZE).withSort("year").inEnglish(english);
        return new PersonProfile(person, (String) details.get("orcid"), text(details), outputs(related), coauthors(id));
    }

    /** People sharing outputs with this one, most shared first. */
    private List<Linked> coauthors(long id) {
        return jdbc.sql("""
                        select p.ext_id, p.name_zh, p.name_en, p.illustrative, count(*) as shared
                        from output_person a
                        join output_person b on b.output_id = a.output_id and b.person_id <> a.person_id
                        join person p on p.id = b.person_id
                        where a.person_id = :id
                        group by p.id order by shared desc, p.ext_id limit :limit""")
                .param("id", id).param("limit", RELATED_LIMIT)
                .query((rs, n) -> new Linked(ref(rs, "person"), rs.getLong("shared"))).list();
    }

    public OutputProfile output(String extId) {
        Long id = internalId("output", extId);
        OutputItem bare = jdbc.sql("""
                        select u.ext_id, u.type, u.title_zh, u.title_en, u.year, u.discipline, u.keywords, u.illustrative, u.updated_at
                        from output u where u.id = :id""")
                .param("id", id).query((rs, n) -> outputItem(rs, null, null)).single();
        List<Ref> people = jdbc.sql("""
                        select p.ext_id, p.name_zh, p.name_en, p.illustrative from output_person op join person p on p.id = op.person_id
                        where op.output_id = :id order by op.position, p.ext_id""")
                .param("id", id).query((rs, n) -> ref(rs, "person")).list();
        List<Ref> organizations = jdbc.sql("""
                        select g.ext_id, g.name_zh, g.name_en, g.illustrative from output_organization oo join organization g on g.id = oo.organization_id
                        where oo.output_id = :id order by oo.position, g.ext_id""")
                .param("id", id).query((rs, n) -> ref(rs, "organization")).list();
        Map<String, Object> details = jdbc.sql("select abstract_zh as description_zh, abstract_en as description_en from output where id = :id")
                .param("id", id).query().singleRow();
        OutputItem output = new OutputItem(bare.id(), bare.type(), bare.title(), bare.year(), bare.discipline(), bare.keywords(),
                people.isEmpty() ? null : people.getFirst(), organizations.isEmpty() ? null : organizations.getFirst(),
                bare.illustrative(), bare.updatedAt());
        return new OutputProfile(output, text(details), people, organizations);
    }

    public FacilityProfile facility(String extId) {
        Long id = internalId("facility", extId);
        FacilityItem facility = jdbc.sql("""
                        select f.ext_id, f.type, f.name_zh, f.name_en, f.region, r.name_zh as region_zh, r.name_en as region_en,
                               f.keywords, f.illustrative, f.updated_at,
                               g.ext_id as org_ext_id, g.name_zh as org_zh, g.name_en as org_en, g.illustrative as org_illustrative
                        from facility f
                        left join region r on r.code = f.region_code
                        left join organization g on g.id = f.organization_id
                        where f.id = :id""")
                .param("id", id).query(RegistryQueries::facilityItem).single();
        Map<String, Object> details = jdbc.sql("select description_zh, description_en from facility where id = :id")
                .param("id", id).query().singleRow();
        return new FacilityProfile(facility, text(details));
    }

    /** A link to a record of a kind (organization, person, output, facility) by its external id. */
    public Optional<Ref> ref(String kind, String extId) {
        Table table = table(kind);
        if (extId == null || extId.isBlank() || extId.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        return jdbc.sql("select ext_id, " + table.zh() + " as name_zh, " + table.en() + " as name_en, illustrative from "
                        + table.kind() + " where ext_id = :extId")
                .param("extId", extId.strip()).query((rs, n) -> ref(rs, kind)).optional();
    }

    private Long internalId(String kind, String extId) {
        if (extId == null || extId.indexOf('\0') >= 0) {
            throw new NotFoundException(kind, extId);
        }
        return jdbc.sql("select id from " + table(kind).kind() + " where ext_id = :extId").param("extId", extId)
                .query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException(kind, extId));
    }

    /** The table of a kind; table names come from this fixed set, never from the caller. */
    private static Table table(String kind) {
        return switch (kind) {
            case "organization" -> ORGANIZATIONS;
            case "person" -> PERSONS;
            case "output" -> OUTPUTS;
            case "facility" -> FACILITIES;
            default -> throw new IllegalArgumentException("no such kind: " + kind);
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Taxonomies

    public List<Region> regions() {
        return jdbc.sql("select code, name_zh, name_en, level, parent_code from region order by code")
                .query(RegistryQueries::regionRow).list();
    }

    public Optional<Region> region(String codeOrName) {
        return jdbc.sql("""
                        select code, name_zh, name_en, level, parent_code from region
                        where code = :region or name_zh = :region or lower(name_en) = lower(:region)
                        order by code limit 1""")
                .param("region", codeOrName).query(RegistryQueries::regionRow).optional();
    }

    public List<Discipline> disciplines() {
        return jdbc.sql("select code, name_zh, name_en, parent_code from discipline order by code")
                .query((rs, n) -> new Discipline(rs.getString(1), new Text(rs.getString(2), rs.getString(3)), rs.getString(4)))
                .list();
    }

    /**
     * The disciplines to offer in a filter: the taxonomy when there is one, else the values the
     * outputs carry (most used first), so that the filter works on data imported without codes.
     */
    public List<Discipline> disciplineChoices() {
        List<Discipline> taxonomy = disciplines();
        if (!taxonomy.isEmpty()) {
            return taxonomy;
        }
        return jdbc.sql("""
                        select discipline from output where discipline is not null
                        group by discipline order by count(*) desc, discipline limit :limit""")
                .param("limit", MAX_SIZE)
                .query((rs, n) -> new Discipline(rs.getString(1), Text.of(rs.getString(1)), null)).list();
    }

    /** The industries in their groups: traditional, emerging, future. */
    public Map<String, List<Industry>> industries() {
        Map<String, List<Industry>> groups = new LinkedHashMap<>();
        INDUSTRY_GROUPS.forEach(group -> groups.put(group, new ArrayList<>()));
        jdbc.sql("""
                        select i.code, i.name_zh, i.name_en, i.industry_group,
                               (select count(*) from key_core_technology t where t.industry_code = i.code) as technologies
                        from industry i order by i.code""")
                .query((rs, n) -> new Industry(rs.getString(1), new Text(rs.getString(2), rs.getString(3)), rs.getString(4), rs.getLong(5)))
                .list()
                .forEach(industry -> groups.get(industry.group()).add(industry));
        return groups;
    }

    /** The key core technologies, of one industry when a code is given. */
    public List<Technology> technologies(String industry) {
        return jdbc.sql("""
                        select t.code, t.name_zh, t.name_en, t.industry_code, i.name_zh as industry_zh, i.name_en as industry_en,
                               t.description_zh, t.description_en, t.illustrative
                        from key_core_technology t left join industry i on i.code = t.industry_code
                        where cast(:industry as text) is null or t.industry_code = :industry
                        order by t.industry_code nulls last, t.code""")
                .param("industry", industry == null || industry.isBlank() ? null : industry.strip())
                .query((rs, n) -> new Technology(rs.getString("code"), new Text(rs.getString("name_zh"), rs.getString("name_en")),
                        rs.getString("industry_code"), Text.ofNullable(rs.getString("industry_zh"), rs.getString("industry_en")),
                        Text.ofNullable(rs.getString("description_zh"), rs.getString("description_en")), rs.getBoolean("illustrative")))
                .list();
    }

    // ---------------------------------------------------------------------------------------------
    // Row mapping

    private static OrganizationItem organizationItem(ResultSet rs, int row) throws SQLException {
        return new OrganizationItem(rs.getString("ext_id"), rs.getString("type"), new Text(rs.getString("name_zh"), rs.getString("name_en")),
                rs.getString("region"), Text.ofNullable(rs.getString("region_zh"), rs.getString("region_en")),
                link(rs, "organization", "parent_ext_id", "parent_zh", "parent_en", "parent_illustrative"),
                (Integer) rs.getObject("established"), rs.getBoolean("illustrative"), instant(rs));
    }

    private static PersonItem personItem(ResultSet rs, int row) throws SQLException {
        return new PersonItem(rs.getString("ext_id"), new Text(rs.getString("name_zh"), rs.getString("name_en")), rs.getString("title"),
                link(rs, "organization", "org_ext_id", "org_zh", "org_en", "org_illustrative"),
                strings(rs.getArray("disciplines")), strings(rs.getArray("keywords")), rs.getBoolean("illustrative"), instant(rs));
    }

    private static OutputItem outputItem(ResultSet rs, Ref lead, Ref organization) throws SQLException {
        return new OutputItem(rs.getString("ext_id"), rs.getString("type"), new Text(rs.getString("title_zh"), rs.getString("title_en")),
                (Integer) rs.getObject("year"), rs.getString("discipline"), strings(rs.getArray("keywords")),
                lead, organization, rs.getBoolean("illustrative"), instant(rs));
    }

    private static FacilityItem facilityItem(ResultSet rs, int row) throws SQLException {
        return new FacilityItem(rs.getString("ext_id"), rs.getString("type"), new Text(rs.getString("name_zh"), rs.getString("name_en")),
                link(rs, "organization", "org_ext_id", "org_zh", "org_en", "org_illustrative"),
                rs.getString("region"), Text.ofNullable(rs.getString("region_zh"), rs.getString("region_en")),
                strings(rs.getArray("keywords")), rs.getBoolean("illustrative"), instant(rs));
    }

    private static Region regionRow(ResultSet rs, int row) throws SQLException {
        return new Region(rs.getString("code"), new Text(rs.getString("name_zh"), rs.getString("name_en")),
                rs.getString("level"), rs.getString("parent_code"));
    }

    private static Ref ref(ResultSet rs, String kind) throws SQLException {
        return new Ref(kind, rs.getString("ext_id"), new Text(rs.getString("name_zh"), rs.getString("name_en")), rs.getBoolean("illustrative"));
    }

    private static Ref link(ResultSet rs, String kind, String id, String zh, String en, String illustrative) throws SQLException {
        String extId = rs.getString(id);
        return extId == null ? null : new Ref(kind, extId, new Text(rs.getString(zh), rs.getString(en)), rs.getBoolean(illustrative));
    }

    private static Text text(Map<String, Object> row) {
        return Text.ofNullable((String) row.get("description_zh"), (String) row.get("description_en"));
    }

    private static Instant instant(ResultSet rs) throws SQLException {
        var timestamp = rs.getTimestamp("updated_at");
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    static String plural(String kind) {
        return switch (kind) {
            case "person" -> "persons";
            case "facility" -> "facilities";
            default -> kind + "s";
        };
    }

    // ---------------------------------------------------------------------------------------------

    /** A kind's table: its alias in queries, its name columns, what it is searched by, its types and sorts. */
    private record Table(String kind, String alias, String zh, String en, String searchText, List<String> searchColumns,
                         List<String> types, List<String> sorts, String defaultSort) {
    }

    /** Conditions joined by {@code and}, with their named parameters. */
    private static final class Where {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        void add(String condition) {
            conditions.add(condition);
        }

        void add(String condition, String name, Object value) {
            conditions.add(condition);
            params.put(name, value);
        }

        void addYears(String column, Criteria c) {
            if (c.yearFrom() != null) {
                add(column + " >= :yearFrom", "yearFrom", c.yearFrom());
            }
            if (c.yearTo() != null) {
                add(column + " <= :yearTo", "yearTo", c.yearTo());
            }
        }

        /** The condition that a record (by its alias) lies in the region: its resolved code, else its region as given. */
        String region(RegionScope scope, String alias) {
            params.put("regionNames", scope.names());
            if (scope.codes().isEmpty()) {
                return alias + ".region in (:regionNames)";
            }
            params.put("regionCodes", scope.codes());
            return "(" + alias + ".region_code in (:regionCodes) or " + alias + ".region in (:regionNames))";
        }

        Map<String, Object> params() {
            return params;
        }

        String sql() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }
    }
}
