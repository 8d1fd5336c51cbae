package org.triplehelix.matching.web;

import java.net.URI;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.DemandDraft;
import org.triplehelix.matching.DemandService;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.Paging;

/** {@code /api/v1/demands}: technology demands, as JSON. */
@RestController
@RequestMapping("/api/v1/demands")
class DemandApi {

    private final DemandService demands;

    DemandApi(DemandService demands) {
        this.demands = demands;
    }

    /**
     * The demands the caller may see, by {@code status} and words {@code q}, in the order of {@code sort}
     * ({@code updated}, the default; {@code deadline}, {@code budget}, {@code title}; another id is refused naming
     * {@code sort}), titles in the request's language.
     */
    @GetMapping
    Page<Demand> list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                      @RequestParam(required = false) String sort, @ParameterObject Paging paging, java.util.Locale locale) {
        return demands.list(status, q, DemandService.Sort.of(sort), DemandPages.english(locale), paging.number(), paging.pageSize());
    }

    @GetMapping("/{id}")
    Demand get(@PathVariable String id) {
        return demands.get(id);
    }

    @PostMapping
    ResponseEntity<Demand> post(@RequestBody DemandDraft draft) {
        Demand created = demands.post(draft);
        return ResponseEntity.created(URI.create("/api/v1/demands/" + created.extId())).body(created);
    }

    @PutMapping("/{id}")
    Demand edit(@PathVariable String id, @RequestBody DemandDraft draft) {
        return demands.edit(id, draft);
    }

    @PostMapping("/{id}/close")
    Demand close(@PathVariable String id) {
        return demands.close(id);
    }

    @PostMapping("/{id}/reopen")
    Demand reopen(@PathVariable String id) {
        return demands.reopen(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        demands.delete(id);
        return ResponseEntity.noContent().build();
    }
}
