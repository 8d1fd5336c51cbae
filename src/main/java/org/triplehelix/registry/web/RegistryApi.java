package org.triplehelix.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triplehelix.registry.RegistryQueries;
import org.triplehelix.registry.RegistryQueries.Discipline;
import org.triplehelix.registry.RegistryQueries.FacilityItem;
import org.triplehelix.registry.RegistryQueries.FacilityProfile;
import org.triplehelix.registry.RegistryQueries.Industry;
import org.triplehelix.registry.RegistryQueries.OrganizationItem;
import org.triplehelix.registry.RegistryQueries.OrganizationProfile;
import org.triplehelix.registry.RegistryQueries.OutputItem;
import org.triplehelix.registry.RegistryQueries.OutputProfile;
import org.triplehelix.registry.RegistryQueries.PersonItem;
import org.triplehelix.registry.RegistryQueries.PersonProfile;
import org.triplehelix.registry.RegistryQueries.Region;
import org.triplehelix.registry.RegistryQueries.Stats;
import org.triplehelix.registry.RegistryQueries.Technology;
import org.triplehelix.shared.Page;

/**
 * The registry's read API: the same lists, filters and profiles as the pages, as JSON. Records
 * are named by their external ids; names are {@code {"zh": …, "en": …}}; lists are
 * {@code {items, page, size, total}}; errors are RFC 9457 problem details with the field at fault.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registry", description = "Organizations, people, outputs, facilities and taxonomies of the innovation base")
class RegistryApi {

    private final RegistryQueries queries;

    RegistryApi(RegistryQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/organizations")
    @Operation(summary = "Organizations, searched, filtered (type, region, parent, years of establishment), sorted and paged")
    Page<OrganizationItem> organizations(@ParameterObject ListParams params, Locale locale) {
        return queries.organizations(params.criteria(ListPages.english(locale)));
    }

    @GetMapping("/persons")
    @Operation(summary = "People, searched, filtered (region of their organization, discipline, organization), sorted and paged")
    Page<PersonItem> persons(@ParameterObject ListParams params, Locale locale) {
        return queries.persons(params.criteria(ListPages.english(locale)));
    }

    @GetMapping("/outputs")
    @Operation(summary = "Outputs (projects, papers, patents, achievements, standards, software), searched, filtered, sorted and paged")
    Page<OutputItem> outputs(@ParameterObject ListParams params, Locale locale) {
        return queries.outputs(params.criteria(ListPages.english(locale)));
    }

    @GetMapping("/facilities")
    @Operation(summary = "Major facilities and instruments, searched, filtered (type, region, organization), sorted and paged")
    Page<FacilityItem> facilities(@ParameterObject ListParams params, Locale locale) {
        return queries.facilities(params.criteria(ListPages.english(locale)));
    }

    @GetMapping("/organizations/{id}")
    @Operation(summary = "An organization with its parent, children, people, outputs, facilities and collaborators (organizations sharing outputs)")
    OrganizationProfile organization(@PathVariable @Parameter(description = "External id") String id, Locale locale) {
        return queries.organization(id, ListPages.english(locale));
    }

    @GetMapping("/persons/{id}")
    @Operation(summary = "A person with their organization, outputs and co-authors (people sharing outputs)")
    PersonProfile person(@PathVariable @Parameter(description = "External id") String id, Locale locale) {
        return queries.person(id, ListPages.english(locale));
    }

    @GetMapping("/outputs/{id}")
    @Operation(summary = "An output with its people and organizations, in their order")
    OutputProfile output(@PathVariable @Parameter(description = "External id") String id) {
        return queries.output(id);
    }

    @GetMapping("/facilities/{id}")
    @Operation(summary = "A facility or instrument with its organization")
    FacilityProfile facility(@PathVariable @Parameter(description = "External id") String id) {
        return queries.facility(id);
    }

    @GetMapping("/stats")
    @Operation(summary = "The innovation base in numbers: organizations by tier, people, outputs, facilities")
    Stats stats(@RequestParam(required = false) @Parameter(description = "Region code or name; everywhere when absent") String region) {
        return queries.stats(region);
    }

    @GetMapping("/regions")
    @Operation(summary = "Regions: provinces, prefectures and districts (GB/T 2260 codes)")
    List<Region> regions() {
        return queries.regions();
    }

    @GetMapping("/disciplines")
    @Operation(summary = "Disciplines")
    List<Discipline> disciplines() {
        return queries.disciplines();
    }

    @GetMapping("/industries")
    @Operation(summary = "Industries by group: traditional, emerging, future")
    Map<String, List<Industry>> industries() {
        return queries.industries();
    }

    @GetMapping("/technologies")
    @Operation(summary = "Key core technologies, of one industry when given")
    List<Technology> technologies(@RequestParam(required = false) @Parameter(description = "Industry code") String industry) {
        return queries.technologies(industry);
    }
}
