package org.triplehelix.challenge.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.triplehelix.challenge.AcceptanceInput;
import org.triplehelix.challenge.ApplicationDraft;
import org.triplehelix.challenge.ApplicationView;
import org.triplehelix.challenge.Applications;
import org.triplehelix.challenge.AttachmentContent;
import org.triplehelix.challenge.AwardInput;
import org.triplehelix.challenge.CallArchive;
import org.triplehelix.challenge.CallRecord;
import org.triplehelix.challenge.ChallengeAction;
import org.triplehelix.challenge.ChallengeDraft;
import org.triplehelix.challenge.ChallengeView;
import org.triplehelix.challenge.Challenges;
import org.triplehelix.challenge.Delivery;
import org.triplehelix.challenge.Feedback;
import org.triplehelix.challenge.InvitationView;
import org.triplehelix.challenge.MilestoneView;
import org.triplehelix.challenge.ProgramRow;
import org.triplehelix.challenge.Ranking;
import org.triplehelix.challenge.ReviewerCandidate;
import org.triplehelix.challenge.Reviews;
import org.triplehelix.challenge.ScoreInput;
import org.triplehelix.matching.MatchHit;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.JsonRefusal;
import org.triplehelix.shared.web.Paging;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The challenges' JSON API (scripts outside the project use it). Errors are problem details;
 * an illegal transition answers 409.
 */
@RestController
@RequestMapping("/api/v1/challenges")
class ChallengeApi {

    private final Challenges challenges;
    private final Applications applications;
    private final Reviews reviews;
    private final Delivery delivery;
    private final CallArchive archive;
    private final JsonMapper json;

    ChallengeApi(Challenges challenges, Applications applications, Reviews reviews, Delivery delivery, CallArchive archive, JsonMapper json) {
        this.challenges = challenges;
        this.applications = applications;
        this.reviews = reviews;
        this.delivery = delivery;
        this.archive = archive;
        this.json = json;
    }

    /**
     * The challenges the caller may see, filtered, in the order of {@code sort} ({@code newest}, the default;
     * {@code deadline}, {@code budget}, {@code title}, titles in the request's language; another id is refused naming
     * {@code sort}).
     */
    @GetMapping
    Page<ChallengeView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String technology,
                             @RequestParam(required = false) String q, @RequestParam(required = false) String health,
                             @RequestParam(required = false) String sort, @ParameterObject Paging paging, java.util.Locale locale) {
        return challenges.list(status, technology, q, health, sort, "en".equals(locale.getLanguage()), paging.number(), paging.pageSize());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ChallengeView create(@RequestBody ChallengeDraft draft) {
        return challenges.create(draft);
    }

    /** Edits a draft: the fields of a new one and {@code version}, the one read (409 when stale or no longer a draft). */
    @PutMapping("/{extId}")
    ChallengeView edit(@PathVariable String extId, @RequestBody JsonNode body) {
        return challenges.update(extId, version(body), read(body, ChallengeDraft.class));
    }

    @GetMapping("/program")
    List<ProgramRow> program() {
        return challenges.program();
    }

    @GetMapping("/archive")
    Page<CallRecord> archive(@RequestParam(required = false) String q, @ParameterObject Paging paging) {
        return archive.search(q, paging.number(), paging.pageSize());
    }

    /** The open invitations of the caller's organizations (401 for a visitor). */
    @GetMapping("/invitations")
    Page<InvitationView> invitations(@ParameterObject Paging paging) {
        return challenges.openInvitations(paging.number(), paging.pageSize());
    }

    @GetMapping("/assignments")
    List<ApplicationView> assignments() {
        return reviews.assignments();
    }

    @GetMapping("/{extId}")
    ChallengeView find(@PathVariable String extId) {
        return challenges.find(extId);
    }

    @PostMapping("/{extId}/{action:publish|start-review|close|cancel|start|terminate}")
    ChallengeView transition(@PathVariable String extId, @PathVariable String action) {
        return challenges.perform(extId, ChallengeAction.of(action));
    }

    @PostMapping("/{extId}/award")
    ChallengeView award(@PathVariable String extId, @RequestBody AwardInput input) {
        return reviews.award(extId, input);
    }

    @PostMapping("/{extId}/acceptance")
    ChallengeView accept(@PathVariable String extId, @RequestBody AcceptanceInput input) {
        return delivery.accept(extId, input);
    }

    @GetMapping("/{extId}/applications")
    List<ApplicationView> applications(@PathVariable String extId) {
        return applications.ofChallenge(extId);
    }

    @PostMapping("/{extId}/applications")
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationView apply(@PathVariable String extId, @RequestBody ApplicationDraft draft) {
        return applications.apply(extId, draft);
    }

    @GetMapping("/{extId}/reviewer-candidates")
    List<ReviewerCandidate> candidates(@PathVariable String extId) {
        return reviews.candidates(extId);
    }

    record Assignment(Long userId) {
    }

    @PostMapping("/{extId}/reviewers")
    ReviewerCandidate assign(@PathVariable String extId, @RequestBody Assignment assignment) {
        if (assignment.userId() == null) {
            throw new InvalidInputException("userId", "name the reviewer's user id");
        }
        return reviews.assign(extId, assignment.userId());
    }

    @GetMapping("/{extId}/ranking")
    List<Ranking> ranking(@PathVariable String extId) {
        return reviews.ranking(extId);
    }

    @GetMapping("/{extId}/recommended-teams")
    List<MatchHit> recommended(@PathVariable String extId, @RequestParam(defaultValue = "10") int k) {
        return challenges.recommendTeams(extId, k);
    }

    record Invitation(String organization) {
    }

    @PostMapping("/{extId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> invite(@PathVariable String extId, @RequestBody Invitation invitation) {
        if (invitation.organization() == null || invitation.organization().isBlank()) {
            throw new InvalidInputException("organization", "name the organization to invite");
        }
        challenges.invite(extId, invitation.organization());
        return Map.of("challenge", extId, "invited", challenges.invited(extId));
    }

    @DeleteMapping("/{extId}/invitations/{organization}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable String extId, @PathVariable String organization) {
        challenges.withdrawInvitation(extId, organization);
    }

    @GetMapping("/{extId}/milestones")
    List<MilestoneView> milestones(@PathVariable String extId) {
        return delivery.milestones(extId);
    }

    /** A progress report; {@code reason} is required when the progress is lower than the milestone's last report. */
    record ProgressReport(Integer progress, String note, String reason) {
    }

    @PostMapping("/milestones/{id}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    MilestoneView report(@PathVariable long id, @RequestBody ProgressReport report) {
        if (report.progress() == null) {
            throw new InvalidInputException("progress", "give the progress in percent");
        }
        return delivery.report(id, report.progress(), report.note(), report.reason());
    }

    @GetMapping("/applications/{id}")
    ApplicationView application(@PathVariable long id) {
        return applications.find(id);
    }

    /** Edits a submitted application while the call is open: the fields of applying and {@code version} (409 when stale). */
    @PutMapping("/applications/{id}")
    ApplicationView editApplication(@PathVariable long id, @RequestBody JsonNode body) {
        return applications.update(id, version(body), read(body, ApplicationDraft.class));
    }

    /** Withdraws a submitted application while the call is open; it is kept, with the status withdrawn. */
    @PostMapping("/applications/{id}/withdraw")
    ApplicationView withdrawApplication(@PathVariable long id) {
        return applications.withdraw(id);
    }

    /** The version an edit was read at: required, a whole number. */
    private static int version(JsonNode body) {
        JsonNode version = body != null && body.isObject() ? body.get("version") : null;
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new InvalidInputException("version", "version is required: the version of the record you edited");
        }
        return version.asInt();
    }

    /** The body without its version as the given record; a value its own checks refuse names its field (400). */
    private <T> T read(JsonNode body, Class<T> type) {
        ObjectNode fields = ((ObjectNode) body).deepCopy();
        fields.remove("version");
        try {
            return json.treeToValue(fields, type);
        } catch (JacksonException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof InvalidInputException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                throw (InvalidInputException) cause;
            }
            InvalidInputException wrongType = JsonRefusal.of(e);
            throw wrongType != null ? wrongType : new InvalidInputException("body", "the request body is not of the expected shape");
        }
    }

    @PostMapping("/applications/{id}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationView.Attachment attach(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > Applications.MAX_ATTACHMENT_BYTES) {
            throw new InvalidInputException("file", "the file is larger than 5 MB (" + file.getSize() / 1024 + " KB)");
        }
        return applications.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }

    @GetMapping("/applications/{id}/attachments/{attachment}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachment) {
        AttachmentContent content = applications.attachment(id, attachment);
        return download(content);
    }

    static ResponseEntity<byte[]> download(AttachmentContent content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.content());
    }

    @PostMapping("/applications/{id}/scores")
    Feedback.Review score(@PathVariable long id, @RequestBody ScoreInput input) {
        return reviews.score(id, input);
    }

    @GetMapping("/applications/{id}/feedback")
    Feedback feedback(@PathVariable long id) {
        return reviews.feedback(id);
    }

}
