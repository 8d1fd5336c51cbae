package org.triplehelix.matching.web;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.DemandService;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexMaintenance;
import org.triplehelix.matching.IndexStatus;
import org.triplehelix.matching.MatchRequest;
import org.triplehelix.matching.MatchResult;
import org.triplehelix.matching.MatchService;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.shared.InvalidInputException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/** {@code /api/v1/match}: matching as JSON, hits with their reasons and evidence. */
@RestController
@RequestMapping("/api/v1")
class MatchApi {

    private final MatchService matching;
    private final DemandService demands;
    private final IndexMaintenance maintenance;

    MatchApi(MatchService matching, DemandService demands, IndexMaintenance maintenance) {
        this.matching = matching;
        this.demands = demands;
        this.maintenance = maintenance;
    }

    /** The facility types a facility search's {@code types} may name (INTERCHANGE.md). */
    private static final List<String> FACILITY_TYPES = List.of("major_facility", "instrument");

    /**
     * The body of {@code POST /api/v1/match}. A field it does not know is refused, naming it: a
     * misspelt {@code "targte"} or filter would otherwise be dropped unseen and the answer widened.
     */
    record MatchBody(@JsonDeserialize(using = Text.class) String text, String target, Integer k, Filters filters, Boolean spread,
                     @JsonAnySetter Map<String, Object> unknown) {

        MatchBody {
            refuseUnknown("", unknown);
        }
    }

    /**
     * The text of a body as a JSON string only: {@code 5} or {@code true} is refused as any value of the wrong type is
     * ("text must be a text", naming {@code text}), where Jackson would match on "5" without a word, and so is a list.
     */
    static final class Text extends StdScalarDeserializer<String> {

        public Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return parser.getString();
        }
    }

    /** Filters: types, tiers (organization types), regions, disciplines, years. */
    record Filters(Set<String> types, Set<String> tiers, Set<String> regions, Set<String> disciplines, Integer yearFrom,
                   Integer yearTo, @JsonAnySetter Map<String, Object> unknown) {

        Filters {
            refuseUnknown("filters.", unknown);
        }

        SearchFilter toFilter(EntityKind target) {
            return filter(target, "filters.", types, tiers, regions, disciplines, yearFrom, yearTo);
        }
    }

    private static void refuseUnknown(String prefix, Map<String, Object> unknown) {
        if (unknown != null && !unknown.isEmpty()) {
            String name = unknown.keySet().iterator().next();
            throw new InvalidInputException(prefix + name, "unknown field " + prefix + name + " (known: " + (prefix.isEmpty()
                    ? "text, target, k, filters, spread" : "types, tiers, regions, disciplines, yearFrom, yearTo") + ")");
        }
    }

    /**
     * The filter the API was given, refused naming the field (with {@code prefix}, "filters." in a body) when
     * a type or a tier is none the index knows, or the years run backwards: each would answer nothing, or
     * everything, without saying why.
     */
    static SearchFilter filter(EntityKind target, String prefix, Set<String> types, Set<String> tiers, Set<String> regions,
                               Set<String> disciplines, Integer yearFrom, Integer yearTo) {
        known(prefix + (prefix.isEmpty() ? "type" : "types"), types, target == EntityKind.FACILITY ? FACILITY_TYPES : MatchView.OUTPUT_TYPES);
        known(prefix + (prefix.isEmpty() ? "tier" : "tiers"), tiers, MatchView.TIERS);
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new InvalidInputException(prefix + "yearTo", "yearTo " + yearTo + " is before yearFrom " + yearFrom);
        }
        return new SearchFilter(types, tiers, regions, disciplines, yearFrom, yearTo, null, null);
    }

    private static void known(String field, Set<String> values, List<String> known) {
        if (values == null) {
            return;
        }
        for (String value : values) {
            if (value != null && !value.isBlank() && !known.contains(value.strip())) {
                throw new InvalidInputException(field, "unknown " + field + " value \"" + value + "\" (one of " + String.join(", ", known) + ")");
            }
        }
    }

    @PostMapping("/match")
    MatchResult match(@RequestBody MatchBody body) {
        EntityKind target = target(body.target());
        SearchFilter filter = body.filters() == null ? SearchFilter.NONE : body.filters().toFilter(target);
        return matching.match(new MatchRequest(body.text(), target, body.k() == null ? 10 : body.k(), filter,
                Boolean.TRUE.equals(body.spread())));
    }

    @GetMapping("/match")
    MatchResult match(@RequestParam String q, @RequestParam(defaultValue = "person") String target,
                      @RequestParam(defaultValue = "10") int k, @RequestParam(required = false) Set<String> type,
                      @RequestParam(required = false) Set<String> tier, @RequestParam(required = false) Set<String> region,
                      @RequestParam(required = false) Set<String> discipline, @RequestParam(required = false) Integer yearFrom,
                      @RequestParam(required = false) Integer yearTo, @RequestParam(defaultValue = "false") boolean spread) {
        EntityKind kind = target(target);
        return matching.match(new MatchRequest(q, kind, k, filter(kind, "", type, tier, region, discipline, yearFrom, yearTo), spread));
    }

    @GetMapping("/demands/{id}/matches")
    MatchResult demandMatches(@PathVariable String id, @RequestParam(defaultValue = "person") String target,
                              @RequestParam(defaultValue = "10") int k) {
        Demand demand = demands.get(id);
        EntityKind kind = target(target);
        // the demands like this one, without itself (its own text would always rank it first), as the "similar" lists do
        SearchFilter filter = kind == EntityKind.DEMAND ? new SearchFilter(null, null, null, null, null, null, null, Set.of(demand.extId()))
                : SearchFilter.NONE;
        return matching.match(new MatchRequest(demand.matchText(), kind, k, filter, false));
    }

    @GetMapping("/match/similar")
    MatchResult similar(@RequestParam String kind, @RequestParam String id, @RequestParam(defaultValue = "person") String target,
                        @RequestParam(defaultValue = "10") int k) {
        return matching.similarTo(EntityKind.of(kind), id, target(target), k);
    }

    @GetMapping("/match/fits")
    MatchResult fits(@RequestParam String kind, @RequestParam String id, @RequestParam(defaultValue = "10") int k,
                     Authentication viewer) {
        return matching.fits(EntityKind.of(kind), id, k, DemandService.signedIn(viewer));
    }

    @GetMapping("/match/status")
    IndexStatus status() {
        return maintenance.status();
    }

    /** The {@code target} of a request; an unknown one is refused naming {@code target}, the parameter the caller gave. */
    private static EntityKind target(String target) {
        if (target == null) {
            return EntityKind.PERSON;
        }
        return EntityKind.of("target", target);
    }
}
