package org.triplehelix.registry.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.triplehelix.registry.RegistryQueries;
import org.triplehelix.registry.RegistryQueries.Criteria;
import java.util.HashMap;
import java.util.Map;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.FormErrors;
import org.triplehelix.shared.web.Paging;

/**
 * The query parameters of every registry list, page and API alike. Numbers arrive as text so
 * that a malformed one is answered as bad input naming its field, not as a server error.
 */
record ListParams(
        @Parameter(description = "Search terms, Chinese or English; every term must occur in the name (title) or keywords, case-insensitively")
        String q,
        @Parameter(description = "Type: an organization type, an output type or a facility type (not for persons)")
        String type,
        @Parameter(description = "Region code or name; takes in everything under it (a prefecture its districts)")
        String region,
        @Parameter(description = "Discipline code or name (persons and outputs)")
        String discipline,
        @Parameter(description = "External id of an organization: its people, outputs or facilities")
        String organization,
        @Parameter(description = "External id of a person: their outputs")
        String person,
        @Parameter(description = "External id of a parent organization: its children")
        String parent,
        @Parameter(description = "First year (output year, organization's year of establishment)", schema = @Schema(type = "integer"))
        String yearFrom,
        @Parameter(description = "Last year", schema = @Schema(type = "integer"))
        String yearTo,
        @Parameter(description = "relevance (with q), name, year (outputs, organizations) or updated")
        String sort,
        @Parameter(description = "Page number, from 0", schema = @Schema(type = "integer", defaultValue = "0"))
        String page,
        @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = "integer", defaultValue = "20"))
        String size) {

    /** The criteria of an API list: paging out of range is refused, as in every JSON list ({@link Paging}). */
    Criteria criteria(boolean english) {
        Paging paging = new Paging(page, size);
        return new Criteria(q, type, region, discipline, organization, person, parent,
                integer("yearFrom", yearFrom), integer("yearTo", yearTo), sort,
                paging.number(), paging.pageSize(RegistryQueries.DEFAULT_SIZE, RegistryQueries.MAX_SIZE), english, null);
    }

    /**
     * The criteria of a list page: a filter that cannot be used (a year in words, a last year before the
     * first) is recorded in {@code refused} in the reader's language and left out, so the page still
     * lists and shows the form as typed; a page number out of range is the first page ({@link Page#number}),
     * a page size out of range the default.
     */
    Criteria pageCriteria(boolean english, FormErrors refused) {
        Integer from = year("yearFrom", yearFrom, refused);
        Integer to = year("yearTo", yearTo, refused);
        if (from != null && to != null && from > to) {
            refused.add("yearTo", "registry.list.error.years", String.valueOf(from), String.valueOf(to));
            from = null;
            to = null;
        }
        Integer pageSize = lenient("size", size, FormErrors.none());
        return new Criteria(q, type, region, discipline, organization, person, parent, from, to, sort, Page.number(page),
                pageSize == null || pageSize < 1 || pageSize > RegistryQueries.MAX_SIZE ? RegistryQueries.DEFAULT_SIZE : pageSize,
                english, null);
    }

    /** What was typed in the page's fields, for the form shown again with a refused one. */
    Map<String, String> typed() {
        Map<String, String> typed = new HashMap<>();
        typed.put("yearFrom", yearFrom == null ? "" : yearFrom);
        typed.put("yearTo", yearTo == null ? "" : yearTo);
        return typed;
    }

    private static Integer year(String field, String value, FormErrors refused) {
        try {
            return integer(field, value);
        } catch (InvalidInputException e) {
            refused.add(field, "registry.list.error.year", value.strip());
            return null;
        }
    }

    private static Integer lenient(String field, String value, FormErrors refused) {
        try {
            return integer(field, value);
        } catch (InvalidInputException e) {
            refused.add(field, e.key(), e.args());
            return null;
        }
    }

    private static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a whole number", "registry.list.error.number", field, value);
        }
    }
}
