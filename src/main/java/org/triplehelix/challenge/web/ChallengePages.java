package org.triplehelix.challenge.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.challenge.AcceptanceInput;
import org.triplehelix.challenge.ApplicationDraft;
import org.triplehelix.challenge.ApplicationView;
import org.triplehelix.challenge.Applications;
import org.triplehelix.challenge.AwardInput;
import org.triplehelix.challenge.CallArchive;
import org.triplehelix.challenge.CallRecord;
import org.triplehelix.challenge.ChallengeAction;
import org.triplehelix.challenge.ChallengeDraft;
import org.triplehelix.challenge.ChallengeStatus;
import org.triplehelix.challenge.ChallengeView;
import org.triplehelix.challenge.Challenges;
import org.triplehelix.challenge.Criterion;
import org.triplehelix.challenge.Delivery;
import org.triplehelix.challenge.Feedback;
import org.triplehelix.challenge.MilestoneDraft;
import org.triplehelix.challenge.Reviews;
import org.triplehelix.challenge.ScoreInput;
import org.triplehelix.challenge.Target;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.web.FormErrors;
import org.triplehelix.shared.web.FormLists;
import org.triplehelix.shared.web.ListOrder;
import org.triplehelix.shared.web.PathSegment;

/**
 * The challenge pages: the list, the program view, the archive of past calls, posting, one
 * challenge with what its state and the viewer allow, applying, an application (scoring,
 * feedback), the reviewer panel and the recommended teams. Forms post and come back with a notice
 * or the error; destructive actions ask for an explicit confirmation.
 */
@Controller
class ChallengePages {

    static final int PAGE_SIZE = 20;
    static final int TARGET_ROWS = 3;
    static final int MILESTONE_ROWS = 3;
    static final int INVITATION_ROWS = 50;

    private final Challenges challenges;
    private final Applications applications;
    private final Reviews reviews;
    private final Delivery delivery;
    private final CallArchive archive;
    private final DataScope scope;

    ChallengePages(Challenges challenges, Applications applications, Reviews reviews, Delivery delivery, CallArchive archive, DataScope scope) {
        this.challenges = challenges;
        this.applications = applications;
        this.reviews = reviews;
        this.delivery = delivery;
        this.archive = archive;
        this.scope = scope;
    }

    // --- lists ------------------------------------------------------------------------------

    /**
     * The list, by words, status, technology, health and order. An order the page does not know (an old or mistyped
     * link) is no error page that loses the filters, as on the registry's lists and the demands: the list comes back
     * (400) in the default order with the filters as chosen, the sort marked with why.
     */
    @GetMapping("/challenges")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "") String technology, @RequestParam(defaultValue = "") String health,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String page, Model model,
                java.util.Locale locale, HttpServletRequest request, HttpServletResponse response) {
        boolean english = "en".equals(locale.getLanguage());
        FormErrors refused = FormErrors.none();
        Challenges.Sort order = ListOrder.chosen(() -> Challenges.Sort.of(sort), Challenges.Sort.NEWEST, refused, request, response);
        Page<ChallengeView> found = challenges.list(status, technology, q, health, order, english, Page.number(page), PAGE_SIZE);
        if (found.pastTheEnd()) { // an old link or a typed number: the last page, not an empty one
            found = challenges.list(status, technology, q, health, order, english, found.lastPage(), PAGE_SIZE);
        }
        model.addAttribute("challenges", found);
        model.addAttribute("technologies", challenges.technologies());
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("technology", technology);
        model.addAttribute("health", health);
        model.addAttribute("sort", order.id());
        model.addAttribute("refused", refused);
        model.addAttribute("canPost", scope.isAdmin() || scope.hasRole(Role.ENTERPRISE));
        model.addAttribute("reviewer", scope.hasRole(Role.REVIEWER));
        if (scope.currentUser().map(user -> user.organizationId() != null).orElse(false)) {
            model.addAttribute("invitations", challenges.openInvitations(0, INVITATION_ROWS));
        }
        return "challenge/list";
    }

    @GetMapping("/challenges/program")
    String program(Model model) {
        model.addAttribute("rows", challenges.program());
        return "challenge/program";
    }

    @GetMapping("/challenges/archive")
    String archive(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String page, Model model) {
        Page<CallRecord> calls = archive.search(q, Page.number(page), PAGE_SIZE);
        if (calls.pastTheEnd()) {
            calls = archive.search(q, calls.lastPage(), PAGE_SIZE);
        }
        model.addAttribute("calls", calls);
        model.addAttribute("q", q);
        return "challenge/archive";
    }

    @GetMapping("/challenges/reviews")
    String assignments(Model model) {
        model.addAttribute("assignments", reviews.assignments());
        return "challenge/reviews";
    }

    // --- posting ----------------------------------------------------------------------------

    @GetMapping("/challenges/new")
    String form(Model model) {
        scope.requireAnyRole(Role.ENTERPRISE);
        model.addAttribute("technologies", challenges.technologies());
        model.addAttribute("form", Map.of());
        return "challenge/form";
    }

    @PostMapping("/challenges")
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            ChallengeView created = challenges.create(draft(form, null));
            return "redirect:/challenges/" + PathSegment.of(created.extId()) + "?notice=created";
        } catch (InvalidInputException e) {
            scope.requireAnyRole(Role.ENTERPRISE);
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.remove("_csrf");
            model.addAttribute("technologies", challenges.technologies());
            model.addAttribute("form", typed);
            model.addAttribute("errors", errorOf(e));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "challenge/form";
        }
    }

    /** The form of posting, filled with the draft as saved: its author and the department edit it until it is published. */
    @GetMapping("/challenges/{extId}/edit")
    String editForm(@PathVariable String extId, Model model) {
        ChallengeView challenge = editable(extId);
        return editPage(challenge, formOf(challenge), model);
    }

    /**
     * Saves the edited draft at the version it was read at. Refused: the form again as typed, the field marked (400), or
     * with what is in the way (409: changed meanwhile, or no longer a draft); nothing is written.
     */
    @PostMapping("/challenges/{extId}/edit")
    String edit(@PathVariable String extId, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        ChallengeView challenge = editable(extId);
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        try {
            int version = integer(form.get("version"), "version");
            challenges.update(extId, version, draft(form, challenge.rubric()));
            redirect.addFlashAttribute("notice", "challenge.notice.edited");
            return "redirect:/challenges/" + PathSegment.of(extId);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errorOf(e));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } catch (ConflictException e) {
            model.addAttribute("refusal", conflict(e));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        return editPage(challenge, typed, model);
    }

    /** The challenge when the caller may edit it (404 for a draft they may not see, 403 for one they did not post). */
    private ChallengeView editable(String extId) {
        ChallengeView challenge = challenges.find(extId);
        if (!challenges.canEdit(extId)) {
            throw new org.springframework.security.access.AccessDeniedException("only the author or the department edits a draft");
        }
        return challenge;
    }

    private String editPage(ChallengeView challenge, Map<String, String> form, Model model) {
        model.addAttribute("technologies", challenges.technologies());
        model.addAttribute("form", form);
        model.addAttribute("editing", challenge);
        model.addAttribute("targetRows", Math.max(TARGET_ROWS, challenge.targets().size()));
        return "challenge/form";
    }

    /** The form's fields of a saved draft (the version it is saved against among them). */
    private static Map<String, String> formOf(ChallengeView c) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("titleZh", c.title() == null ? null : c.title().zh());
        form.put("titleEn", c.title() == null ? null : c.title().en());
        form.put("problemZh", c.problem() == null ? null : c.problem().zh());
        form.put("problemEn", c.problem() == null ? null : c.problem().en());
        form.put("technology", c.technologyCode());
        form.put("budget", c.budget() == null ? null : c.budget().stripTrailingZeros().toPlainString());
        form.put("durationMonths", c.durationMonths() == null ? null : String.valueOf(c.durationMonths()));
        form.put("deadline", LocalDate.ofInstant(c.deadline(), ChallengeFormat.ZONE).toString());
        form.put("eligibility", c.eligibility());
        form.put("ipTerms", c.ipTerms());
        for (Target t : c.targets()) {
            String row = "target" + t.position();
            form.put(row + "Indicator", t.indicator());
            form.put(row + "Unit", t.unit());
            form.put(row + "Threshold", t.threshold().stripTrailingZeros().toPlainString());
            form.put(row + "Direction", t.higherIsBetter() ? "higher" : "lower");
        }
        form.put("version", String.valueOf(c.version()));
        return form;
    }

    /** A refusal of the challenge form as a message in the page's language on the input at fault. */
    static FormErrors errorOf(InvalidInputException e) {
        String field = switch (e.field()) {
            case "title" -> "titleZh";
            case "problem" -> "problemZh";
            case "targets" -> "target1Indicator";
            case "industry" -> "technology";
            default -> e.field();
        };
        return FormErrors.refusal(field, e);
    }

    /** The draft a form gives (up to 20 target rows: an edited draft may have more than the new form's three). */
    private static ChallengeDraft draft(Map<String, String> form, List<Criterion> rubric) {
        List<Target> targets = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String row = "target" + i;
            String indicator = form.getOrDefault(row + "Indicator", "");
            String unit = form.getOrDefault(row + "Unit", "");
            String threshold = form.getOrDefault(row + "Threshold", "");
            if (indicator.isBlank() && (!unit.isBlank() || !threshold.isBlank())) {
                // a unit or threshold typed without its indicator is not left out silently
                throw new InvalidInputException(row + "Indicator", "each target names its indicator", "challenge.error.target.indicator");
            }
            if (!indicator.isBlank()) {
                BigDecimal value = decimal(threshold, row + "Threshold");
                try {
                    targets.add(new Target(null, targets.size() + 1, indicator, unit, value, !"lower".equals(form.get(row + "Direction"))));
                } catch (InvalidInputException e) {
                    String key = e.key() == null ? "" : e.key();
                    throw on(row + (key.endsWith(".unit") ? "Unit" : key.endsWith(".threshold") ? "Threshold" : "Indicator"), e);
                }
            }
        }
        LocalDate deadline = date(form.get("deadline"), "deadline");
        return new ChallengeDraft(form.get("titleZh"), form.get("titleEn"), form.get("problemZh"), form.get("problemEn"),
                form.get("technology"), null, decimal(form.get("budget"), "budget"), form.getOrDefault("durationMonths", "").isBlank() ? null : integer(form.get("durationMonths"), "durationMonths"),
                form.get("eligibility"), form.get("ipTerms"),
                deadline == null ? null : deadline.atTime(LocalTime.of(23, 59, 59)).atZone(ChallengeFormat.ZONE).toInstant(), targets, rubric);
    }

    // --- one challenge ----------------------------------------------------------------------

    @GetMapping("/challenges/{extId}")
    String challenge(@PathVariable String extId, @RequestParam(required = false) String notice, Model model) {
        ChallengeView challenge = challenges.find(extId);
        boolean admin = scope.isAdmin();
        model.addAttribute("challenge", challenge);
        model.addAttribute("admin", admin);
        model.addAttribute("applications", applications.ofChallenge(extId));
        model.addAttribute("milestones", delivery.milestones(extId));
        model.addAttribute("evidence", delivery.evidence(extId));
        model.addAttribute("ranking", admin && challenge.status() != ChallengeStatus.DRAFT ? reviews.ranking(extId) : List.of());
        boolean sponsorSide = challenges.sponsorSide(extId);
        model.addAttribute("sponsorSide", sponsorSide);
        model.addAttribute("canApply", challenge.status() == ChallengeStatus.PUBLISHED
                && challenge.deadline().isAfter(java.time.Instant.now()) && !sponsorSide
                && (admin || scope.currentUser().map(u -> u.hasAnyRole(Role.ENTERPRISE, Role.RESEARCHER, Role.ORG_ADMIN)).orElse(false)));
        model.addAttribute("canEdit", challenge.status() == ChallengeStatus.DRAFT && challenges.canEdit(extId));
        model.addAttribute("invitations", challenges.openInvitations(extId));
        model.addAttribute("canReport", canReport(challenge));
        model.addAttribute("actions", admin ? Arrays.stream(ChallengeAction.values())
                .filter(a -> a != ChallengeAction.AWARD && a != ChallengeAction.ACCEPT && a.allowedFrom(challenge.status())).toList()
                : challenge.status() == ChallengeStatus.DRAFT ? List.of(ChallengeAction.CANCEL) : List.of());
        if (notice != null) {
            model.addAttribute("notice", "challenge.notice." + notice.replaceAll("[^a-z-]", ""));
        }
        model.addAttribute("milestoneRows", MILESTONE_ROWS);
        keepForm(model);
        return "challenge/challenge";
    }

    private boolean canReport(ChallengeView challenge) {
        if (challenge.awardedApplicationId() == null
                || challenge.status() != ChallengeStatus.AWARDED && challenge.status() != ChallengeStatus.IN_PROGRESS) {
            return false;
        }
        return scope.isAdmin() || applications.isTeam(challenge.awardedApplicationId());
    }

    @PostMapping("/challenges/{extId}/actions/{action}")
    String act(@PathVariable String extId, @PathVariable String action, @RequestParam(defaultValue = "") String confirm,
               RedirectAttributes redirect) {
        ChallengeAction chosen = ChallengeAction.of(action);
        boolean destructive = chosen == ChallengeAction.CANCEL || chosen == ChallengeAction.CLOSE || chosen == ChallengeAction.TERMINATE;
        return attempt(redirect, "/challenges/" + extId, () -> {
            if (destructive && !"yes".equals(confirm)) {
                throw new InvalidInputException("confirm", "tick the box to confirm", "challenge.error.confirm");
            }
            challenges.perform(extId, chosen);
            return "challenge.notice." + chosen.code();
        });
    }

    /** The award with its milestones; refused: the challenge's page again with the form as typed (400, 409), the field marked. */
    @PostMapping("/challenges/{extId}/award")
    String award(@PathVariable String extId, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        return inPage("award", form, model, response, redirect, "/challenges/" + extId, () -> {
            List<MilestoneDraft> milestones = new ArrayList<>();
            List<String> rows = new ArrayList<>(); // the form's row of each milestone (rows left empty are skipped)
            for (int i = 1; i <= MILESTONE_ROWS; i++) {
                String row = "m" + i;
                String title = form.getOrDefault(row + "Title", "");
                if (!title.isBlank()) {
                    try {
                        milestones.add(new MilestoneDraft(title, form.get(row + "Deliverable"), date(form.get(row + "Due"), row + "Due"),
                                decimal(form.getOrDefault(row + "Tranche", "0"), row + "Tranche")));
                        rows.add(row);
                    } catch (InvalidInputException e) {
                        throw on(row + column(e), e);
                    }
                }
            }
            Long application = form.getOrDefault("applicationId", "").isBlank() ? null : (long) integer(form.get("applicationId"), "applicationId");
            try {
                reviews.award(extId, new AwardInput(application, form.get("rationale"), milestones));
            } catch (InvalidInputException e) {
                throw "milestones".equals(e.field()) ? on(milestoneInput(e, rows), e) : e;
            }
            return "challenge.notice.award";
        }, () -> challenge(extId, null, model));
    }

    /**
     * The input of the award's milestones that a refusal of them all is about: the due date of the milestone due
     * before the award, the first tranche when the tranches exceed the budget, else the first title.
     */
    private static String milestoneInput(InvalidInputException e, List<String> rows) {
        if ("challenge.error.milestone.duePast".equals(e.key())) {
            return rows.get(Integer.parseInt(String.valueOf(e.args()[0])) - 1) + "Due";
        }
        return rows.isEmpty() ? "m1Title" : rows.getFirst() + ("challenge.error.milestone.tranches".equals(e.key()) ? "Tranche" : "Title");
    }

    /** The milestone input a refusal of a row names (its key says which). */
    private static String column(InvalidInputException e) {
        if (e.field().matches("m\\d+[A-Z].*")) {
            return e.field().replaceFirst("m\\d+", "");
        }
        String key = e.key() == null ? "" : e.key();
        return key.endsWith(".deliverable") ? "Deliverable" : key.endsWith(".due") ? "Due" : key.endsWith(".tranche") ? "Tranche" : "Title";
    }

    /** Acceptance with the measured value and evidence of every target; refused: the page again as typed, the input at fault marked. */
    @PostMapping("/challenges/{extId}/acceptance")
    String accept(@PathVariable String extId, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        return inPage("acceptance", form, model, response, redirect, "/challenges/" + extId, () -> {
            List<AcceptanceInput.Evidence> evidence = new ArrayList<>();
            List<Target> targets = challenges.find(extId).targets();
            for (Target target : targets) {
                int p = target.position();
                try {
                    evidence.add(new AcceptanceInput.Evidence(p, decimal(form.get("achieved" + p), "achieved" + p), form.get("evidence" + p)));
                } catch (InvalidInputException e) {
                    throw on(("evidence".equals(e.field()) && e.key() != null && e.key().startsWith("challenge.error.acceptance.evidence")
                            ? "evidence" : "achieved") + p, e);
                }
            }
            try {
                delivery.accept(extId, new AcceptanceInput(form.get("verdict"), form.get("note"), evidence));
            } catch (InvalidInputException e) {
                if (!"challenge.error.acceptance.unmet".equals(e.key())) {
                    throw e;
                }
                // on the result of the first target it falls short of
                int unmet = evidence.stream().filter(given -> targets.stream()
                        .anyMatch(t -> t.position() == given.position() && !t.met(given.achieved()))).findFirst().orElseThrow().position();
                throw on("achieved" + unmet, e);
            }
            return "challenge.notice.acceptance";
        }, () -> challenge(extId, null, model));
    }

    /** A progress report on a milestone; refused: the page again as typed. */
    @PostMapping("/challenges/{extId}/reports")
    String report(@PathVariable String extId, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        return inPage("report", form, model, response, redirect, "/challenges/" + extId, () -> {
            delivery.report(extId, integer(form.get("milestone"), "milestone"), integer(form.get("progress"), "progress"), form.get("note"),
                    form.get("reason"));
            return "challenge.notice.report";
        }, () -> challenge(extId, null, model));
    }

    // --- applying ---------------------------------------------------------------------------

    @GetMapping("/challenges/{extId}/apply")
    String applyForm(@PathVariable String extId, @RequestParam(defaultValue = "") String lead, Model model) {
        scope.requireAnyRole(Role.ENTERPRISE, Role.RESEARCHER, Role.ORG_ADMIN);
        model.addAttribute("challenge", challenges.find(extId));
        model.addAttribute("form", lead.isBlank() ? Map.of() : Map.of("leadOrganization", lead.strip()));
        model.addAttribute("sponsorSide", challenges.sponsorSide(extId));
        return "challenge/apply";
    }

    /**
     * Applies, with the attachment if one was chosen (checked before anything is written). Refused: the form again as
     * typed (400, 409 when the call is closed or the organization has applied already), the field at fault marked, and
     * a reminder that a chosen file must be chosen again; nothing is written.
     */
    @PostMapping("/challenges/{extId}/applications")
    String apply(@PathVariable String extId, @RequestParam Map<String, String> form,
                 @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) throws IOException {
        ChallengeView challenge = challenges.find(extId);
        boolean withFile = file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
        try {
            Map<Integer, BigDecimal> commitments = new LinkedHashMap<>();
            for (Target target : challenge.targets()) {
                commitments.put(target.position(), decimal(form.get("commit" + target.position()), "commitments"));
            }
            ApplicationDraft draft = new ApplicationDraft(form.get("leadOrganization"), ids(form, "partners"), ids(form, "people"),
                    form.get("plan"), commitments);
            if (withFile) {
                Applications.checkAttachment(file.getOriginalFilename(), file.getBytes());
            }
            ApplicationView applied = applications.apply(extId, draft);
            String notice = "challenge.notice.applied";
            if (withFile) {
                try {
                    applications.attach(applied.id(), file.getOriginalFilename(), file.getContentType(), file.getBytes());
                } catch (InvalidInputException e) {
                    redirect.addFlashAttribute("refusal", FormErrors.refusal("file", e));
                    notice = "challenge.notice.appliedWithoutFile";
                }
            }
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/challenges/applications/" + applied.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.refusal(e.field(), e));
            model.addAttribute("badCommitments", badCommitments(challenge, form));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } catch (ConflictException e) {
            boolean closed = e.details().containsKey("status") || e.details().containsKey("deadline");
            model.addAttribute("refusal", FormErrors.of("state", e.keyOr(closed ? "challenge.conflict.closed" : "challenge.conflict.applied"), e.args()));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        model.addAttribute("challenge", challenge);
        model.addAttribute("form", typed);
        model.addAttribute("fileAgain", withFile);
        return "challenge/apply";
    }

    /** The positions of the commitments left empty or not a number (marked when the commitments are refused). */
    private static java.util.Set<Integer> badCommitments(ChallengeView challenge, Map<String, String> form) {
        java.util.Set<Integer> bad = new java.util.HashSet<>();
        for (Target target : challenge.targets()) {
            try {
                if (decimal(form.get("commit" + target.position()), "commitments") == null) {
                    bad.add(target.position());
                }
            } catch (InvalidInputException notANumber) {
                bad.add(target.position());
            }
        }
        return bad;
    }

    @GetMapping("/challenges/applications/{id}")
    String application(@PathVariable long id, Model model) {
        ApplicationView application = applications.find(id);
        ChallengeView challenge = challenges.find(application.challengeExtId());
        boolean reviewer = scope.hasRole(Role.REVIEWER) && !scope.isAdmin();
        model.addAttribute("application", application);
        model.addAttribute("challenge", challenge);
        model.addAttribute("reviewer", reviewer);
        model.addAttribute("myScore", reviewer ? reviews.myScore(id) : null);
        model.addAttribute("canScore", reviewer && challenge.status() == ChallengeStatus.UNDER_REVIEW);
        Feedback feedback = null;
        if (challenge.awardedApplicationId() != null && !reviewer && !application.withdrawn()) {
            feedback = reviews.feedback(id);
        }
        model.addAttribute("feedback", feedback);
        boolean open = challenge.status() == ChallengeStatus.PUBLISHED && challenge.deadline().isAfter(java.time.Instant.now())
                && "submitted".equals(application.status());
        model.addAttribute("canAttach", open && !reviewer);
        model.addAttribute("canChange", open && applications.canChange(id));
        model.addAttribute("rubric", challenge.rubric());
        keepForm(model);
        return "challenge/application";
    }

    @GetMapping("/challenges/applications/{id}/attachments/{attachment}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachment) {
        return ChallengeApi.download(applications.attachment(id, attachment));
    }

    @PostMapping("/challenges/applications/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        byte[] content = file == null ? new byte[0] : file.getBytes();
        String name = file == null ? "" : file.getOriginalFilename();
        String type = file == null ? null : file.getContentType();
        return attempt(redirect, "/challenges/applications/" + id, () -> {
            applications.attach(id, name, type, content);
            return "challenge.notice.attached";
        });
    }

    /**
     * The applicant withdraws the application while the call is open, once the box is ticked (checked here, not only in
     * the browser); it stays listed, as withdrawn. Refused: the application's page with why.
     */
    @PostMapping("/challenges/applications/{id}/withdraw")
    String withdrawApplication(@PathVariable long id, @RequestParam(defaultValue = "") String confirm, RedirectAttributes redirect) {
        return attempt(redirect, "/challenges/applications/" + id, () -> {
            if (!"yes".equals(confirm)) {
                throw new InvalidInputException("confirm", "tick the box to confirm", "challenge.error.confirm");
            }
            applications.withdraw(id);
            return "challenge.notice.applicationWithdrawn";
        });
    }

    /** The application form filled with the application as saved: its applicant edits it while the call is open. */
    @GetMapping("/challenges/applications/{id}/edit")
    String editApplicationForm(@PathVariable long id, Model model) {
        ApplicationView application = changeable(id);
        ChallengeView challenge = challenges.find(application.challengeExtId());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("leadOrganization", application.lead().extId());
        form.put("partners", FormLists.lines(application.partners().stream().map(ApplicationView.Member::extId).toList()));
        form.put("people", FormLists.lines(application.people().stream().map(ApplicationView.Member::extId).toList()));
        form.put("plan", application.plan());
        application.commitments().forEach(c -> form.put("commit" + c.position(), c.value() == null ? null : c.value().stripTrailingZeros().toPlainString()));
        form.put("version", String.valueOf(application.version()));
        model.addAttribute("challenge", challenge);
        model.addAttribute("form", form);
        model.addAttribute("editing", application);
        return "challenge/apply";
    }

    /**
     * Saves the edited application at the version it was read at. Refused: the form again as typed (400 with the field
     * marked; 409 when it was changed meanwhile or the call has closed); nothing is written.
     */
    @PostMapping("/challenges/applications/{id}/edit")
    String editApplication(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                           HttpServletResponse response) {
        ApplicationView application = changeable(id);
        ChallengeView challenge = challenges.find(application.challengeExtId());
        try {
            Map<Integer, BigDecimal> commitments = new LinkedHashMap<>();
            for (Target target : challenge.targets()) {
                commitments.put(target.position(), decimal(form.get("commit" + target.position()), "commitments"));
            }
            ApplicationDraft draft = new ApplicationDraft(application.lead().extId(), ids(form, "partners"), ids(form, "people"),
                    form.get("plan"), commitments);
            applications.update(id, integer(form.get("version"), "version"), draft);
            redirect.addFlashAttribute("notice", "challenge.notice.applicationEdited");
            return "redirect:/challenges/applications/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.refusal(e.field(), e));
            model.addAttribute("badCommitments", badCommitments(challenge, form));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } catch (ConflictException e) {
            model.addAttribute("refusal", conflict(e));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        typed.put("leadOrganization", application.lead().extId());
        model.addAttribute("challenge", challenge);
        model.addAttribute("form", typed);
        model.addAttribute("editing", application);
        return "challenge/apply";
    }

    /** The application when the caller may change it: its applicant or an administrator of its lead organization (else 403). */
    private ApplicationView changeable(long id) {
        ApplicationView application = applications.find(id);
        if (!applications.canChange(id)) {
            throw new org.springframework.security.access.AccessDeniedException("only the applicant or its organization's administrators change an application");
        }
        return application;
    }

    /** A reviewer's scores; refused: the application's page again with the scores and comment as typed, the score at fault marked. */
    @PostMapping("/challenges/applications/{id}/scores")
    String score(@PathVariable long id, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        return inPage("score", form, model, response, redirect, "/challenges/applications/" + id, () -> {
            ApplicationView application = applications.find(id);
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (Criterion criterion : challenges.find(application.challengeExtId()).rubric()) {
                String field = "score-" + criterion.code();
                scores.put(criterion.code(), form.getOrDefault(field, "").isBlank() ? null : integer(form.get(field), field));
            }
            try {
                reviews.score(id, new ScoreInput(scores, form.get("comment")));
            } catch (InvalidInputException e) {
                throw "challenge.error.score.range".equals(e.key()) ? on("score-" + e.args()[0], e) : e;
            }
            return "challenge.notice.scored";
        }, () -> application(id, model));
    }

    // --- panel and teams --------------------------------------------------------------------

    @GetMapping("/challenges/{extId}/reviewers")
    String reviewers(@PathVariable String extId, Model model) {
        model.addAttribute("candidates", reviews.candidates(extId));
        model.addAttribute("challenge", challenges.find(extId));
        return "challenge/reviewers";
    }

    @PostMapping("/challenges/{extId}/reviewers")
    String assign(@PathVariable String extId, @RequestParam(defaultValue = "") String userId, RedirectAttributes redirect) {
        return attempt(redirect, "/challenges/" + extId + "/reviewers", () -> {
            reviews.assign(extId, integer(userId, "reviewer"));
            return "challenge.notice.assigned";
        });
    }

    @GetMapping("/challenges/{extId}/teams")
    String teams(@PathVariable String extId, Model model) {
        scope.requireAdmin();
        model.addAttribute("challenge", challenges.find(extId));
        model.addAttribute("teams", challenges.recommendTeams(extId, 10));
        model.addAttribute("invited", challenges.invited(extId));
        model.addAttribute("invitations", challenges.invitations(extId));
        keepForm(model);
        return "challenge/teams";
    }

    /** Invites an organization (picked from the recommendations or typed); a typed id refused comes back as typed (400, 409). */
    @PostMapping("/challenges/{extId}/invitations")
    String invite(@PathVariable String extId, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        return inPage("invite", form, model, response, redirect, "/challenges/" + extId + "/teams", () -> {
            challenges.invite(extId, form.getOrDefault("organization", "").strip());
            return "challenge.notice.invited";
        }, () -> teams(extId, model));
    }

    @PostMapping("/challenges/{extId}/invitations/{organization}/withdraw")
    String withdraw(@PathVariable String extId, @PathVariable String organization, @RequestParam(defaultValue = "") String confirm,
                    RedirectAttributes redirect) {
        return attempt(redirect, "/challenges/" + extId + "/teams", () -> {
            if (!"yes".equals(confirm)) {
                throw new InvalidInputException("confirm", "tick the box to confirm", "challenge.error.confirm");
            }
            challenges.withdrawInvitation(extId, organization);
            return "challenge.notice.withdrawn";
        });
    }

    // --- helpers ----------------------------------------------------------------------------

    private interface Step {
        String run();
    }

    /** Runs a buttons-only form's step; a refusal (400, 409) comes back after the redirect as its message in the page's language. */
    private static String attempt(RedirectAttributes redirect, String back, Step step) {
        try {
            redirect.addFlashAttribute("notice", step.run());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("refusal", FormErrors.refusal(e.field(), e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("refusal", conflict(e));
        }
        return "redirect:" + back;
    }

    /**
     * Runs the step of a form that takes typed input. Done: the notice after a redirect. Refused: {@code page}
     * again (400 for bad input, 409 when the challenge's state does not allow it) with that form as typed, the
     * input at fault marked and said what is wrong with in the page's language; nothing is written.
     */
    private static String inPage(String formName, Map<String, String> form, Model model, HttpServletResponse response,
                                 RedirectAttributes redirect, String back, Step step, java.util.function.Supplier<String> page) {
        try {
            redirect.addFlashAttribute("notice", step.run());
            return "redirect:" + back;
        } catch (InvalidInputException e) {
            String field = group(formName, e.field());
            model.addAttribute("errors", FormErrors.refusal(field, e));
            model.addAttribute("marked", new java.util.HashSet<>(List.of(field, e.field())));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } catch (ConflictException e) {
            model.addAttribute("refusal", conflict(e));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        model.addAttribute("refused", formName);
        model.addAttribute("form", typed);
        return page.get();
    }

    /** The input (or group of inputs, by its id) of a refused form that its summary names. */
    private static String group(String formName, String field) {
        return switch (formName + "/" + field) {
            case String f when f.matches("award/m\\d+[A-Z].*") -> "award-milestones";
            case String f when f.matches("acceptance/(achieved|evidence)\\d*") -> "acceptance-evidence";
            case "acceptance/note" -> "verdict-note";
            case "report/milestone" -> "report-milestone";
            case String f when f.startsWith("score/score") -> "scores";
            case String f when f.startsWith("invite/") -> "invite-organization";
            default -> field;
        };
    }

    /**
     * A refusal for the state of the challenge (or a reviewer's conflict of interest) in the page's language:
     * the conflict's own key names the status in the way (or the conflict), the page's general text otherwise.
     */
    private static FormErrors conflict(ConflictException e) {
        return FormErrors.of("state", e.keyOr(e.details().containsKey("reasons") ? "challenge.conflict.reviewer" : "challenge.conflict.state"),
                e.args());
    }

    /** The page's form attributes when no form was refused. */
    private static void keepForm(Model model) {
        if (!model.containsAttribute("refused")) {
            model.addAttribute("refused", "");
            model.addAttribute("form", Map.of());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
            model.addAttribute("marked", java.util.Set.of());
        }
    }

    /** A refusal of the service moved onto the input it is about. */
    private static InvalidInputException on(String field, InvalidInputException e) {
        return new InvalidInputException(field, e.getMessage(), e.key(), e.args());
    }

    /**
     * The ids of a text area ({@link FormLists#ids}: one a line as the edit form shows them, so that an id holding a comma
     * stays whole; typed on one line, separated by whitespace, commas or semicolons) and, typed but not yet added to it,
     * the one of its picker ({@code partnersAdd}), whole.
     */
    private static List<String> ids(Map<String, String> form, String field) {
        List<String> ids = new ArrayList<>(FormLists.ids(form.get(field)));
        String added = form.get(field + "Add");
        if (added != null && !added.isBlank() && !ids.contains(added.strip())) {
            ids.add(added.strip());
        }
        return ids;
    }

    static BigDecimal decimal(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "a number is expected: " + value, "form.number", value);
        }
    }

    static int integer(String value, String field) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "a whole number is expected: " + value, "form.wholeNumber", value);
        }
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "a date such as 2026-12-31 is expected", "form.date", value);
        }
    }
}
