package org.triplehelix.talent.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.Paging;
import org.triplehelix.talent.Fields;
import org.triplehelix.talent.Needs;
import org.triplehelix.talent.Practice;
import org.triplehelix.talent.Programs;
import org.triplehelix.talent.TalentGap;
import org.triplehelix.talent.TalentImport;
import org.triplehelix.talent.TalentInputException;
import org.triplehelix.talent.TalentWriter;
import org.triplehelix.talent.Topics;
import tools.jackson.databind.JsonNode;

/**
 * The talent module's JSON API. Writes take the template's fields (snake_case, as the CSV and
 * XLSX templates); errors are problem details with the field.
 */
@RestController
@RequestMapping("/api/v1/talent")
class TalentApi {

    private final Programs programs;
    private final Practice practice;
    private final Topics topics;
    private final Needs needs;
    private final TalentGap gap;
    private final TalentWriter writer;
    private final TalentImport imports;

    TalentApi(Programs programs, Practice practice, Topics topics, Needs needs, TalentGap gap, TalentWriter writer, TalentImport imports) {
        this.programs = programs;
        this.practice = practice;
        this.topics = topics;
        this.needs = needs;
        this.gap = gap;
        this.writer = writer;
        this.imports = imports;
    }

    // --- programs and students --------------------------------------------------------------

    /**
     * The programs, in the order of {@code sort} ({@code cohort}, the default; {@code name}, names in the request's
     * language; {@code capacity}, {@code students}; another is refused naming {@code sort}).
     */
    @GetMapping("/programs")
    Page<Programs.Program> programs(@ParameterObject Paging paging, @RequestParam(required = false) String sort,
                                    @RequestParam(defaultValue = "") String industry, java.util.Locale locale) {
        return programs.page(paging.number(), paging.pageSize(), sort, "en".equals(locale.getLanguage()), industry);
    }

    @GetMapping("/programs/{id}")
    Programs.Program program(@PathVariable String id) {
        return programs.program(id);
    }

    @PostMapping("/programs")
    ResponseEntity<Programs.Program> createProgram(@RequestBody JsonNode body) {
        String id = writer.saveProgram(Fields.ofJson(body), false);
        return ResponseEntity.created(location("/api/v1/talent/programs/{id}", id)).body(programs.program(id));
    }

    @PutMapping("/programs/{id}")
    Programs.Program updateProgram(@PathVariable String id, @RequestBody JsonNode body) {
        programs.program(id);
        writer.saveProgram(Fields.ofJson(body).with("id", id), false);
        return programs.program(id);
    }

    @DeleteMapping("/programs/{id}")
    ResponseEntity<Void> deleteProgram(@PathVariable String id) {
        writer.deleteProgram(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/programs/{id}/students")
    List<Programs.Student> students(@PathVariable String id) {
        return programs.studentsOf(programs.program(id));
    }

    @PostMapping("/students")
    ResponseEntity<Programs.Student> enroll(@RequestBody JsonNode body) {
        String id = writer.saveStudent(Fields.ofJson(body), false);
        return ResponseEntity.created(location("/api/v1/talent/students/{id}", id)).body(programs.student(id));
    }

    @GetMapping("/students/{id}")
    Programs.Student student(@PathVariable String id) {
        return programs.student(id);
    }

    /** Changes a student's record; it stays in its program. */
    @PutMapping("/students/{id}")
    Programs.Student updateStudent(@PathVariable String id, @RequestBody JsonNode body) {
        return programs.update(id, Fields.ofJson(body));
    }

    // --- practice ---------------------------------------------------------------------------

    record HoursRequest(LocalDate date, BigDecimal hours, String description) {
    }

    @GetMapping("/students/{id}/hours")
    List<Practice.HoursEntry> hours(@PathVariable String id) {
        return practice.hours(id);
    }

    @PostMapping("/students/{id}/hours")
    ResponseEntity<Practice.HoursEntry> log(@PathVariable String id, @RequestBody HoursRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(practice.log(id, request.date(), request.hours(), request.description()));
    }

    @PostMapping("/hours/{id}/approve")
    Practice.HoursEntry approve(@PathVariable long id) {
        return practice.approve(id);
    }

    /** Why hours are rejected; optional here (a client of old sends no body), required on the page. */
    record RejectRequest(String reason) {
    }

    @PostMapping("/hours/{id}/reject")
    Practice.HoursEntry reject(@PathVariable long id, @RequestBody(required = false) RejectRequest request) {
        return practice.reject(id, request == null ? null : request.reason());
    }

    record MilestoneRequest(LocalDate due, String status, LocalDate done) {
    }

    @GetMapping("/students/{id}/milestones")
    List<Practice.Milestone> milestones(@PathVariable String id) {
        return practice.milestones(id);
    }

    @PutMapping("/students/{id}/milestones/{kind}")
    Practice.Milestone milestone(@PathVariable String id, @PathVariable String kind, @RequestBody MilestoneRequest request) {
        return practice.setMilestone(id, kind, request.due(), request.status(), request.done());
    }

    record OutcomeRequest(String type, String titleZh, String titleEn, Integer year) {
    }

    @GetMapping("/students/{id}/outcomes")
    List<Practice.Outcome> outcomes(@PathVariable String id) {
        return practice.outcomes(id);
    }

    @PostMapping("/students/{id}/outcomes")
    ResponseEntity<Practice.Outcome> outcome(@PathVariable String id, @RequestBody OutcomeRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(practice.addOutcome(id, request.type(), request.titleZh(), request.titleEn(), request.year()));
    }

    // --- topics -----------------------------------------------------------------------------

    @GetMapping("/topics")
    Page<Topics.Topic> topics(@RequestParam(defaultValue = "") String status, @ParameterObject Paging paging) {
        return topics.page(status, paging.number(), paging.pageSize());
    }

    @GetMapping("/topics/{id}")
    Topics.Topic topic(@PathVariable String id) {
        return topics.topic(id);
    }

    @PostMapping("/topics")
    ResponseEntity<Topics.Topic> post(@RequestBody Topics.TopicInput input) {
        Topics.Topic topic = topics.post(input);
        return ResponseEntity.created(location("/api/v1/talent/topics/{id}", topic.extId())).body(topic);
    }

    @PostMapping("/topics/{id}/close")
    Topics.Topic close(@PathVariable String id) {
        return topics.close(id);
    }

    @PostMapping("/topics/{id}/confirm")
    Topics.Topic confirm(@PathVariable String id) {
        return topics.confirm(id);
    }

    @GetMapping("/students/{id}/topic-matches")
    List<Topics.TopicMatch> matches(@PathVariable String id, @RequestParam(defaultValue = "10") int limit) {
        return topics.matches(id, Math.clamp(limit, 1, 100));
    }

    record ChoiceRequest(String topic) {
    }

    @PostMapping("/students/{id}/topic")
    Topics.Topic choose(@PathVariable String id, @RequestBody ChoiceRequest request) {
        if (request.topic() == null || request.topic().isBlank()) {
            throw TalentInputException.required("topic");
        }
        return topics.choose(id, request.topic());
    }

    // --- needs, figures, crosswalk ----------------------------------------------------------

    @GetMapping("/needs")
    Page<Needs.Need> needs(@RequestParam(defaultValue = "") String organization, @ParameterObject Paging paging) {
        return needs.page(organization, paging.number(), paging.pageSize());
    }

    @PostMapping("/needs")
    ResponseEntity<Map<String, String>> declare(@RequestBody JsonNode body) {
        Fields fields = Fields.ofJson(body);
        if (fields.get("id") == null) {
            fields = fields.with("id", "need-" + java.util.UUID.randomUUID().toString().substring(0, 12));
        }
        String id = writer.saveNeed(fields, false);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping("/needs/{id}")
    Needs.Need need(@PathVariable String id) {
        return needs.need(id);
    }

    /** Changes a need; it stays with its organization. */
    @PutMapping("/needs/{id}")
    Needs.Need updateNeed(@PathVariable String id, @RequestBody JsonNode body) {
        return needs.update(id, Fields.ofJson(body));
    }

    @DeleteMapping("/needs/{id}")
    ResponseEntity<Void> withdraw(@PathVariable String id) {
        writer.deleteNeed(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/supply")
    ResponseEntity<Map<String, String>> supply(@RequestBody JsonNode body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", writer.saveSupply(Fields.ofJson(body), false)));
    }

    @GetMapping("/crosswalk")
    List<Needs.CrosswalkEntry> crosswalk() {
        return needs.crosswalk();
    }

    record CrosswalkRequest(String discipline, String industry, Integer share) {
    }

    @PutMapping("/crosswalk")
    Needs.CrosswalkEntry setCrosswalk(@RequestBody CrosswalkRequest request) {
        if (request.discipline() == null || request.industry() == null) {
            throw new TalentInputException(request.discipline() == null ? "discipline" : "industry", "talent.reason.required", "discipline and industry are required");
        }
        return needs.setCrosswalk(request.discipline(), request.industry(), request.share() == null ? 1 : request.share());
    }

    @DeleteMapping("/crosswalk/{discipline}/{industry}")
    ResponseEntity<Void> removeCrosswalk(@PathVariable String discipline, @PathVariable String industry) {
        needs.removeCrosswalk(discipline, industry);
        return ResponseEntity.noContent().build();
    }

    // --- the gap ----------------------------------------------------------------------------

    record GapTable(String by, Integer year, List<TalentGap.GapRow> rows, TalentGap.GapRow total) {
    }

    @GetMapping("/gap")
    GapTable gap(@RequestParam(defaultValue = "industry") String by, @RequestParam(required = false) Integer year) {
        TalentGap.By breakdown = TalentGap.By.of(by);
        return new GapTable(breakdown.param(), year, gap.rows(breakdown, year), gap.total(year));
    }

    @GetMapping("/gap/records")
    List<TalentGap.GapRecord> records(@RequestParam(defaultValue = "industry") String by, @RequestParam(required = false) String key,
                                      @RequestParam(defaultValue = "") String side, @RequestParam(required = false) Integer year) {
        return gap.records(TalentGap.By.of(by), key, side, year);
    }

    @GetMapping("/gap.csv")
    ResponseEntity<byte[]> gapCsv(@RequestParam(defaultValue = "industry") String by, @RequestParam(required = false) Integer year,
                                  @RequestParam(defaultValue = "zh") String lang) {
        TalentGap.By breakdown = TalentGap.By.of(by);
        return download(GapExports.csv(gap.rows(breakdown, year), breakdown, lang), "talent-gap-" + breakdown.param() + ".csv", "text/csv; charset=UTF-8");
    }

    @GetMapping("/gap.xlsx")
    ResponseEntity<byte[]> gapXlsx(@RequestParam(defaultValue = "industry") String by, @RequestParam(required = false) Integer year,
                                   @RequestParam(defaultValue = "zh") String lang) {
        TalentGap.By breakdown = TalentGap.By.of(by);
        return download(GapExports.xlsx(gap.rows(breakdown, year), gap.total(year), breakdown, lang), "talent-gap-" + breakdown.param() + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    // --- import -----------------------------------------------------------------------------

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<TalentImport.Result> importFile(@RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "") String kind)
            throws java.io.IOException {
        TalentImport.Result result = imports.importFile(kind, file.getOriginalFilename(), file.getInputStream());
        return ResponseEntity.status(result.ok() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(result);
    }

    @GetMapping("/templates/{kind}.csv")
    ResponseEntity<byte[]> csvTemplate(@PathVariable String kind) {
        return download(TalentImport.csvTemplate(kind), kind + ".csv", "text/csv; charset=UTF-8");
    }

    @GetMapping("/templates/{kind}.xlsx")
    ResponseEntity<byte[]> xlsxTemplate(@PathVariable String kind) {
        return download(TalentImport.xlsxTemplate(kind), kind + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    /** The address of a record, its id encoded (a talent id is kept as given, spaces and all). */
    static URI location(String template, Object... variables) {
        return UriComponentsBuilder.fromPath(template).encode().buildAndExpand(variables).toUri();
    }

    static ResponseEntity<byte[]> download(byte[] bytes, String name, String type) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(type)).body(bytes);
    }
}
