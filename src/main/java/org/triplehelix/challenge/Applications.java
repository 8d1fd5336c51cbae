package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.UserNotice;

/**
 * Applying to a challenge and what an application holds. Enterprise users, researchers and
 * organization administrators apply for their organization (the lead); the call must be open
 * (published, before the deadline). An application is seen by the department, its applicant,
 * the users of its consortium's organizations and its challenge's review panel; for anyone else
 * it does not exist (404). While the call is open its applicant (or an administrator of its lead organization) may edit
 * it or withdraw it; a withdrawn application is kept, seen by its team and the department, no longer by the panel.
 */
@Service
public class Applications {

    /** Attachments: at most this many bytes each, this many per application, of these types. */
    public static final int MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ATTACHMENTS = 10;
    static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "txt", "text/plain");
    static final Set<String> ACADEMIC = Set.of("university", "research_institute", "national_laboratory", "provincial_laboratory",
            "national_key_laboratory", "new_rd_institution");

    private final ApplicationRepository repository;
    private final ChallengeRepository challenges;
    private final Challenges service;
    private final DataScope scope;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    Applications(ApplicationRepository repository, ChallengeRepository challenges, Challenges service, DataScope scope,
                 ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.challenges = challenges;
        this.service = service;
        this.scope = scope;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Applies; 409 after the deadline or when the call is not open, or when the lead organization has applied already
     * (an application it withdrew does not count). 400 when the sponsor's organization, or one of its units, is named as
     * lead or partner: in 揭榜挂帅 the sponsor poses the problem and others solve it.
     */
    public ApplicationView apply(String extId, ApplicationDraft draft) {
        scope.requireAnyRole(Role.ENTERPRISE, Role.RESEARCHER, Role.ORG_ADMIN);
        long challengeId = service.idOf(extId);
        service.visible(challengeId);
        CurrentUser user = scope.currentUser().orElse(null);
        ApplicationRepository.Org lead = lead(draft, user);
        Consortium consortium = consortium(challengeId, lead, draft);
        return transaction.execute(status -> {
            Challenge challenge = challenges.lock(challengeId).orElseThrow();
            challenge.requireOpenCall(clock.instant());
            requireNotSponsor(challengeId, lead, consortium.partners());
            requireEligible(challengeId, lead, consortium.partners());
            if (repository.exists(challengeId, lead.id())) {
                throw new ConflictException("this organization has applied to the challenge already",
                        "challenge.conflict.applied");
            }
            long id = repository.insert(challengeId, lead.id(), user == null ? null : user.id(), draft.plan());
            repository.member(id, "lead", lead.id(), null);
            saveConsortium(id, consortium, draft);
            ApplicationView view = repository.view(id).orElseThrow();
            events.publishEvent(AuditableChange.created("challenge_application", String.valueOf(id), snapshot(extId, view)));
            return view;
        });
    }

    /**
     * The applicant (or an administrator of its lead organization) edits a submitted application while the call is open:
     * partners, people, plan and commitments, checked as when applying; the lead organization stays (to lead with another,
     * withdraw and apply again). Saved at the version it was read at: a stale edit is a 409 and writes nothing.
     */
    public ApplicationView update(long applicationId, int version, ApplicationDraft draft) {
        ApplicationRepository.Access access = readable(applicationId);
        requireApplicantSide(access);
        ApplicationView before = repository.view(applicationId).orElseThrow();
        ApplicationRepository.Org lead = repository.organization(access.leadOrganizationId()).orElseThrow();
        if (draft.leadOrganization() != null && !draft.leadOrganization().equals(lead.extId())) {
            throw new InvalidInputException("leadOrganization", "the lead organization of an application does not change; withdraw it and apply again",
                    "challenge.apply.error.leadFixed");
        }
        Consortium consortium = consortium(access.challengeId(), lead, draft);
        return transaction.execute(status -> {
            Challenge challenge = challenges.lock(access.challengeId()).orElseThrow();
            challenge.requireOpenCall(clock.instant());
            requireSubmitted(repository.access(applicationId).orElseThrow());
            requireNotSponsor(access.challengeId(), lead, consortium.partners());
            requireEligible(access.challengeId(), lead, consortium.partners());
            if (!repository.update(applicationId, version, draft.plan())) {
                throw new ConflictException("the application was changed meanwhile; reload it and edit again",
                        Map.of("version", version), "challenge.conflict.applicationStale");
            }
            repository.clearConsortium(applicationId);
            saveConsortium(applicationId, consortium, draft);
            ApplicationView after = repository.view(applicationId).orElseThrow();
            events.publishEvent(AuditableChange.updated("challenge_application", String.valueOf(applicationId),
                    snapshot(before.challengeExtId(), before), snapshot(after.challengeExtId(), after)));
            return after;
        });
    }

    /**
     * The applicant (or an administrator of its lead organization) withdraws a submitted application while the call is
     * open (published, before the deadline: once the review starts it stays). It is kept, as withdrawn: the team and the
     * department still see it, the review panel does not, and the organization may apply again. The consortium's other
     * organizations are told.
     */
    public ApplicationView withdraw(long applicationId) {
        ApplicationRepository.Access access = readable(applicationId);
        requireApplicantSide(access);
        Long by = scope.currentUser().map(CurrentUser::id).orElse(null);
        return transaction.execute(status -> {
            Challenge challenge = challenges.lock(access.challengeId()).orElseThrow();
            challenge.requireOpenCall(clock.instant());
            requireSubmitted(repository.access(applicationId).orElseThrow());
            repository.withdraw(applicationId);
            ApplicationView view = repository.view(applicationId).orElseThrow();
            events.publishEvent(new AuditableChange("withdraw", "challenge_application", String.valueOf(applicationId),
                    Map.of("status", "submitted"), Map.of("status", "withdrawn", "challenge", view.challengeExtId())));
            List<String> organizations = new ArrayList<>();
            organizations.add(view.lead().extId());
            view.partners().forEach(p -> organizations.add(p.extId()));
            events.publishEvent(UserNotice.toOrganizations(by, organizations, "notification.challenge.withdrawn",
                    "/challenges/applications/" + applicationId, view.challengeTitle(), view.lead().name()));
            return view;
        });
    }

    /** Whether the caller may edit or withdraw the application: its applicant, or an administrator of its lead organization. */
    public boolean canChange(long applicationId) {
        return repository.access(applicationId).map(this::applicantSide).orElse(false);
    }

    private boolean applicantSide(ApplicationRepository.Access access) {
        CurrentUser user = scope.currentUser().orElse(null);
        if (user == null) {
            return false;
        }
        boolean applicant = access.applicantUserId() != null && access.applicantUserId() == user.id();
        return applicant || user.hasRole(Role.ORG_ADMIN) && scope.canEditOrganization(access.leadOrganizationId());
    }

    private void requireApplicantSide(ApplicationRepository.Access access) {
        if (!applicantSide(access)) {
            throw new org.springframework.security.access.AccessDeniedException("only the applicant or its organization's administrators change an application");
        }
    }

    /** 409 unless the application is submitted (not withdrawn, not decided). */
    private static void requireSubmitted(ApplicationRepository.Access access) {
        if (!"submitted".equals(access.status())) {
            throw new ConflictException("the application is " + access.status() + ": it can no longer be changed",
                    Map.of("applicationStatus", access.status()), "challenge.conflict.application." + access.status());
        }
    }

    /** The partners and people of a draft, found in the registry (400 naming the id that is not), and every target committed to. */
    private record Consortium(List<ApplicationRepository.Org> partners, List<ApplicationRepository.Person> people, List<Target> targets) {
    }

    private Consortium consortium(long challengeId, ApplicationRepository.Org lead, ApplicationDraft draft) {
        List<ApplicationRepository.Org> partners = new ArrayList<>();
        for (String partner : draft.partners()) {
            ApplicationRepository.Org org = repository.organization(partner)
                    .orElseThrow(() -> new InvalidInputException("partners", "no organization " + partner,
                            "challenge.apply.error.noOrganization", partner));
            if (org.id() != lead.id()) {
                partners.add(org);
            }
        }
        List<ApplicationRepository.Person> people = draft.people().stream().map(p -> repository.person(p)
                .orElseThrow(() -> new InvalidInputException("people", "no person " + p, "challenge.apply.error.noPerson", p))).toList();
        List<Target> targets = challenges.targets(challengeId);
        for (Target target : targets) {
            if (draft.commitments().get(target.position()) == null) {
                throw new InvalidInputException("commitments", "commit to every target: " + target.indicator() + " (" + target.unit() + ")",
                        "challenge.apply.error.commitment", target.indicator(), target.unit());
            }
        }
        return new Consortium(partners, people, targets);
    }

    private void saveConsortium(long id, Consortium consortium, ApplicationDraft draft) {
        consortium.partners().forEach(p -> repository.member(id, "partner", p.id(), null));
        consortium.people().forEach(p -> repository.member(id, "person", p.organizationId(), p.id()));
        consortium.targets().forEach(t -> repository.commitment(id, t.id(), draft.commitments().get(t.position())));
    }

    /** What the audit trail keeps of an application. */
    private static Map<String, Object> snapshot(String challengeExtId, ApplicationView view) {
        Map<String, Object> commitments = new LinkedHashMap<>();
        view.commitments().forEach(c -> commitments.put(String.valueOf(c.position()), c.value()));
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("challenge", challengeExtId);
        snapshot.put("lead", view.lead().extId());
        snapshot.put("partners", view.partners().stream().map(ApplicationView.Member::extId).toList());
        snapshot.put("people", view.people().stream().map(ApplicationView.Member::extId).toList());
        snapshot.put("plan", view.plan());
        snapshot.put("commitments", commitments);
        return snapshot;
    }

    /**
     * 400 when the sponsor's organization or one of its units is named as lead or partner: the sponsor poses the problem, others
     * solve it. The name in the reader's language, for the page's message.
     */
    private void requireNotSponsor(long challengeId, ApplicationRepository.Org lead, List<ApplicationRepository.Org> partners) {
        if (repository.sponsorSide(challengeId, lead.id())) {
            throw new InvalidInputException("leadOrganization", lead.extId() + " is the challenge's sponsor or one of its units: the sponsor does not take on its own challenge",
                    "challenge.apply.error.sponsorLead", nameOf(lead));
        }
        for (ApplicationRepository.Org partner : partners) {
            if (repository.sponsorSide(challengeId, partner.id())) {
                throw new InvalidInputException("partners", partner.extId() + " is the challenge's sponsor or one of its units: the sponsor does not take on its own challenge",
                        "challenge.apply.error.sponsorPartner", nameOf(partner));
            }
        }
    }

    private static String nameOf(ApplicationRepository.Org org) {
        return org.name() == null ? org.extId() : org.name().in(LocaleContextHolder.getLocale());
    }

    private ApplicationRepository.Org lead(ApplicationDraft draft, CurrentUser user) {
        if (draft.leadOrganization() == null) {
            if (user == null || user.organizationId() == null) {
                throw new InvalidInputException("leadOrganization", "name the lead organization; your account has none",
                        "challenge.apply.error.leadNone");
            }
            return repository.organization(user.organizationId()).orElseThrow();
        }
        ApplicationRepository.Org lead = repository.organization(draft.leadOrganization())
                .orElseThrow(() -> new InvalidInputException("leadOrganization", "no organization " + draft.leadOrganization(),
                        "challenge.apply.error.noOrganization", draft.leadOrganization()));
        boolean own = user != null && user.organizationId() != null && user.organizationId() == lead.id();
        if (!own && !scope.canEditOrganization(lead.id())) {
            throw new org.springframework.security.access.AccessDeniedException("you apply for your own organization only");
        }
        return lead;
    }

    private void requireEligible(long challengeId, ApplicationRepository.Org lead, List<ApplicationRepository.Org> partners) {
        String eligibility = challenges.view(challengeId).orElseThrow().eligibility();
        if (eligibility.equals("enterprise_and_academic")) {
            List<ApplicationRepository.Org> all = new ArrayList<>(partners);
            all.add(lead);
            boolean enterprise = all.stream().anyMatch(o -> "enterprise".equals(o.type()));
            boolean academic = all.stream().anyMatch(o -> ACADEMIC.contains(o.type()));
            if (!enterprise || !academic) {
                throw new InvalidInputException("partners", "this challenge asks for a consortium with an enterprise and a university or laboratory",
                        "challenge.apply.error.consortium");
            }
        }
    }

    /** Adds an attachment while the call is open: the applicant (or the department) only; type and size limited. */
    public ApplicationView.Attachment attach(long applicationId, String fileName, String contentType, byte[] content) {
        ApplicationRepository.Access access = readable(applicationId);
        boolean applicant = scope.currentUser().map(u -> access.applicantUserId() != null && u.id() == access.applicantUserId()).orElse(false);
        if (!applicant) {
            scope.requireAdmin();
        }
        String name = safeName(fileName);
        String type = typeOf(name, content);
        return transaction.execute(status -> {
            challenges.lock(access.challengeId()).orElseThrow().requireOpenCall(clock.instant());
            requireSubmitted(repository.access(applicationId).orElseThrow());
            if (repository.attachmentCount(applicationId) >= MAX_ATTACHMENTS) {
                throw new InvalidInputException("file", "at most " + MAX_ATTACHMENTS + " attachments per application",
                        "challenge.apply.error.fileCount", MAX_ATTACHMENTS);
            }
            long id = repository.attach(applicationId, name, type, content);
            events.publishEvent(AuditableChange.created("challenge_attachment", String.valueOf(id),
                    Map.of("application", applicationId, "fileName", name, "contentType", type, "size", content.length)));
            return new ApplicationView.Attachment(id, name, type, content.length);
        });
    }

    /**
     * Refuses (400 on {@code file}) an attachment that {@link #attach} would refuse for itself: empty, too large, badly
     * named, of a type not accepted. For checking a file before the application it comes with is written.
     */
    public static void checkAttachment(String fileName, byte[] content) {
        typeOf(safeName(fileName), content);
    }

    private static String safeName(String fileName) {
        return fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
    }

    /** The attachment's type from its extension, checked against its first bytes; 400 with the reason otherwise. */
    static String typeOf(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "the file is empty", "challenge.apply.error.fileEmpty");
        }
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw new InvalidInputException("file", "the file is larger than 5 MB (" + content.length / 1024 + " KB)",
                    "challenge.apply.error.fileLarge", MAX_ATTACHMENT_BYTES / 1024 / 1024);
        }
        if (fileName.isEmpty() || fileName.length() > 200) {
            throw new InvalidInputException("file", "the file needs a name of at most 200 characters",
                    "challenge.apply.error.fileName");
        }
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            throw new InvalidInputException("file", "only PDF, Word (docx), Excel (xlsx), PowerPoint (pptx), PNG, JPEG and text files are accepted",
                    "challenge.apply.error.fileType");
        }
        if (!looksLike(extension, content)) {
            throw new InvalidInputException("file", "the file's content is not " + extension.toUpperCase(Locale.ROOT),
                    "challenge.apply.error.fileContent", extension.toUpperCase(Locale.ROOT));
        }
        return type;
    }

    private static boolean looksLike(String extension, byte[] c) {
        return switch (extension) {
            case "pdf" -> starts(c, '%', 'P', 'D', 'F');
            case "png" -> starts(c, 0x89, 'P', 'N', 'G');
            case "jpg", "jpeg" -> starts(c, 0xFF, 0xD8, 0xFF);
            case "docx", "xlsx", "pptx" -> starts(c, 'P', 'K', 3, 4);
            default -> true;
        };
    }

    private static boolean starts(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    public ApplicationView find(long applicationId) {
        readable(applicationId);
        return repository.view(applicationId).orElseThrow();
    }

    public AttachmentContent attachment(long applicationId, long attachmentId) {
        readable(applicationId);
        return repository.attachment(applicationId, attachmentId).orElseThrow(() -> new NotFoundException("attachment", attachmentId));
    }

    /** The applications of a challenge the caller may see (all for the department and the panel). */
    public List<ApplicationView> ofChallenge(String extId) {
        long challengeId = service.idOf(extId);
        service.visible(challengeId);
        return repository.ofChallenge(challengeId).stream().filter(this::canSee).map(id -> repository.view(id).orElseThrow()).toList();
    }

    /** 404 unless the caller may see the application. */
    ApplicationRepository.Access readable(long applicationId) {
        ApplicationRepository.Access access = repository.access(applicationId)
                .orElseThrow(() -> new NotFoundException("application", applicationId));
        if (!canSee(access)) {
            throw new NotFoundException("application", applicationId);
        }
        return access;
    }

    /** Whether the caller is on the application's team (its applicant or a user of one of its organizations). */
    public boolean isTeam(long applicationId) {
        return repository.access(applicationId).map(this::isTeam).orElse(false);
    }

    boolean canSee(long applicationId) {
        return repository.access(applicationId).map(this::canSee).orElse(false);
    }

    private boolean canSee(ApplicationRepository.Access access) {
        return scope.isAdmin() || isTeam(access) || !access.withdrawn() && scope.currentUser()
                .map(u -> u.hasRole(Role.REVIEWER) && repository.onPanel(access.challengeId(), u.id())).orElse(false);
    }

    /** The applicant, or a user of one of the consortium's organizations (an ORG_ADMIN's subtree included). */
    boolean isTeam(ApplicationRepository.Access access) {
        CurrentUser user = scope.currentUser().orElse(null);
        if (user == null) {
            return false;
        }
        if (access.applicantUserId() != null && access.applicantUserId() == user.id()) {
            return true;
        }
        boolean member = user.organizationId() != null && user.hasAnyRole(Role.ENTERPRISE, Role.RESEARCHER, Role.ORG_ADMIN)
                && access.organizationIds().contains(user.organizationId());
        return member || user.hasRole(Role.ORG_ADMIN) && access.organizationIds().stream().anyMatch(scope::canEditOrganization);
    }
}
