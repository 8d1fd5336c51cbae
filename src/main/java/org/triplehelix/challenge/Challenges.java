package org.triplehelix.challenge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.Role;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.MatchHit;
import org.triplehelix.matching.MatchRequest;
import org.triplehelix.matching.MatchService;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.SortIds;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.UserNotice;

/**
 * Posting, publishing and the life of a challenge; the lists and the program view; teams the
 * platform recommends and the department invites, and the open invitations the invited
 * organizations' users see. The department is ADMIN; an enterprise
 * (ENTERPRISE with an organization) posts challenges with its own reward, which the department
 * publishes. A draft is seen only by the department and its sponsor (404 for others).
 */
@Service
public class Challenges {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int MAX_PAGE_SIZE = 100;

    private final ChallengeRepository repository;
    private final DataScope scope;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final MatchService matching;
    private final JdbcClient jdbc;
    private final Clock clock;

    Challenges(ChallengeRepository repository, DataScope scope, ApplicationEventPublisher events, PlatformTransactionManager transactions,
               MatchService matching, JdbcClient jdbc) {
        this.repository = repository;
        this.scope = scope;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.matching = matching;
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    // --- posting ----------------------------------------------------------------------------

    /** A new draft: the department's (ADMIN), or an enterprise's with its own reward (ENTERPRISE of an organization). */
    public ChallengeView create(ChallengeDraft draft) {
        return create(draft, false);
    }

    ChallengeView create(ChallengeDraft draft, boolean illustrative) {
        scope.requireAnyRole(Role.ENTERPRISE);
        CurrentUser user = scope.currentUser().orElse(null);
        boolean department = scope.isAdmin();
        if (!department && (user == null || user.organizationId() == null)) {
            throw new InvalidInputException("sponsor", "an enterprise user posts for their organization; your account has none",
                    "challenge.error.sponsor");
        }
        check(draft);
        String extId = "ch-" + LocalDate.now(ZONE).getYear() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Long sponsor = department ? null : user.organizationId();
        Long createdBy = user == null ? null : user.id();
        return transaction.execute(status -> {
            long id = repository.insert(extId, draft, department ? "department" : "enterprise", sponsor, createdBy, illustrative);
            ChallengeView view = repository.view(id).orElseThrow();
            events.publishEvent(AuditableChange.created("challenge", extId, view));
            return view;
        });
    }

    /** What a draft needs beyond its own checks, when posted and when edited: a known technology and industry, a deadline ahead. */
    private void check(ChallengeDraft draft) {
        if (draft.technologyCode() != null && !repository.technologyExists(draft.technologyCode())) {
            throw new InvalidInputException("technology", "no key core technology " + draft.technologyCode(),
                    "challenge.error.noTechnology");
        }
        if (draft.industryCode() != null && !repository.industryExists(draft.industryCode())) {
            throw new InvalidInputException("industry", "no industry " + draft.industryCode(), "challenge.error.noTechnology");
        }
        if (!draft.deadline().isAfter(clock.instant())) {
            throw new InvalidInputException("deadline", "the application deadline is in the future", "challenge.error.deadlinePast");
        }
    }

    /**
     * Edits a draft before the department publishes it: its author or the department, with the checks of posting it.
     * Saved at the version it was read at: a stale edit (or one of a challenge no longer a draft) is a 409 and writes
     * nothing. When the department edits an enterprise's draft, its author is told.
     */
    public ChallengeView update(String extId, int version, ChallengeDraft draft) {
        long id = idOf(extId);
        ChallengeView before = visible(id);                 // 404 for a draft the caller may not see
        requireCanEdit(repository.aggregate(id).orElseThrow());
        check(draft);
        CurrentUser user = scope.currentUser().orElse(null);
        return transaction.execute(status -> {
            Challenge challenge = repository.lock(id).orElseThrow(() -> new NotFoundException("challenge", id));
            if (challenge.status() != ChallengeStatus.DRAFT) {
                throw new ConflictException("only a draft is edited; this challenge is " + challenge.status().code(),
                        Map.of("status", challenge.status().code()), challenge.status().conflictKey());
            }
            if (challenge.version() != version || !repository.update(id, version, draft)) {
                throw new ConflictException("the challenge was changed meanwhile (version " + version + " was read, it is now "
                        + challenge.version() + "); reload it and edit again", Map.of("version", challenge.version()),
                        "challenge.conflict.draftStale", version, challenge.version());
            }
            ChallengeView after = repository.view(id).orElseThrow();
            events.publishEvent(AuditableChange.updated("challenge", extId, before, after));
            Long author = challenge.createdBy();
            if (author != null && (user == null || author != user.id())) {
                events.publishEvent(UserNotice.toUsers(user == null ? null : user.id(), List.of(author), "notification.challenge.draftEdited",
                        "/challenges/" + extId, after.title()));
            }
            return after;
        });
    }

    /** Whether the caller may edit the challenge while it is a draft: the department, or the account that posted it. */
    public boolean canEdit(String extId) {
        return repository.idOf(extId).flatMap(repository::aggregate).map(this::mayEdit).orElse(false);
    }

    private boolean mayEdit(Challenge challenge) {
        return scope.isAdmin() || scope.currentUser().map(u -> challenge.createdBy() != null && challenge.createdBy() == u.id()).orElse(false);
    }

    private void requireCanEdit(Challenge challenge) {
        if (!mayEdit(challenge)) {
            throw new org.springframework.security.access.AccessDeniedException("only the author or the department edits a draft");
        }
    }

    /** Seeds an illustrative challenge under a given extId and sponsor (demo data only, as the system). */
    long seed(String extId, ChallengeDraft draft, String sponsorKind, Long sponsorOrganizationId) {
        scope.requireAdmin();
        return transaction.execute(status -> {
            long id = repository.insert(extId, draft, sponsorKind, sponsorOrganizationId, null, true);
            events.publishEvent(AuditableChange.created("challenge", extId, Map.of("illustrative", true)));
            return id;
        });
    }

    // --- reading ----------------------------------------------------------------------------

    public ChallengeView find(String extId) {
        return visible(idOf(extId));
    }

    ChallengeView visible(long id) {
        ChallengeView view = repository.view(id).orElseThrow(() -> new NotFoundException("challenge", id));
        if (view.status() == ChallengeStatus.DRAFT && !canSeeDraft(view)) {
            throw new NotFoundException("challenge", view.extId());
        }
        return view.status() == ChallengeStatus.AWARDED || view.status() == ChallengeStatus.IN_PROGRESS
                ? view.withHealth(health(id)) : view;
    }

    long idOf(String extId) {
        return repository.idOf(extId).orElseThrow(() -> new NotFoundException("challenge", extId));
    }

    private boolean canSeeDraft(ChallengeView view) {
        if (scope.isAdmin()) {
            return true;
        }
        return scope.currentUser().map(u -> u.hasRole(Role.ENTERPRISE) && u.organizationId() != null
                && view.sponsorExtId() != null && u.organizationId().equals(organizationId(view.sponsorExtId()))).orElse(false);
    }

    private Text organizationName(long id) {
        return jdbc.sql("select name_zh, name_en, ext_id from organization where id = :id").param("id", id)
                .query((rs, n) -> rs.getString(1) == null && rs.getString(2) == null ? Text.of(rs.getString(3))
                        : new Text(rs.getString(1), rs.getString(2))).single();
    }

    private Long organizationId(String extId) {
        return jdbc.sql("select id from organization where ext_id = :e").param("e", extId).query(Long.class).optional().orElse(null);
    }

    /**
     * The orders of the challenge list, by their ids ({@code ?sort=}): newest first (the default), soonest deadline
     * first, largest budget or reward first, by title. Each maps to a fixed ORDER BY in the repository, never to text
     * from the request.
     */
    public enum Sort {
        NEWEST, DEADLINE, BUDGET, TITLE;

        public String id() {
            return SortIds.id(this);
        }

        /** The ids, in the order the list's select offers them. */
        public static final List<String> IDS = java.util.Arrays.stream(values()).map(Sort::id).toList();

        /** The sort of this id (any case; blank: the default), or a refusal naming {@code sort}, as the registry's lists. */
        public static Sort of(String id) {
            return SortIds.of(Sort.class, id, NEWEST).orElseThrow(() ->
                    new InvalidInputException("sort", "sort is one of " + String.join(", ", IDS) + ", not " + id,
                    "challenge.error.sort", id));
        }
    }

    /**
     * The list: by status, key core technology, words, health (on_track, at_risk) and sort (newest, deadline, budget,
     * title; another is refused naming {@code sort}); {@code english}: titles sorted by their English text first.
     */
    public Page<ChallengeView> list(String status, String technology, String q, String health, String sort, boolean english,
                                    int page, int size) {
        return list(status, technology, q, health, Sort.of(sort), english, page, size);
    }

    /** The list in one of its orders. */
    public Page<ChallengeView> list(String status, String technology, String q, String health, Sort sort, boolean english,
                                    int page, int size) {
        if (status != null && !status.isBlank() && !status.equals("in_delivery")) {
            try {
                ChallengeStatus.of(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "unknown status " + status, "challenge.error.status", status);
            }
        }
        java.util.Collection<Long> ids = health == null || health.isBlank() ? null : withHealth(health);
        ChallengeRepository.Filter filter = new ChallengeRepository.Filter(blank(status), blank(technology), blank(q), ids, sort, english);
        Page<ChallengeView> found = repository.list(filter, draftScope(), Math.max(page, 0), Math.clamp(size, 1, MAX_PAGE_SIZE));
        return found.map(v -> v.status() == ChallengeStatus.AWARDED || v.status() == ChallengeStatus.IN_PROGRESS
                ? v.withHealth(health(v.id())) : v);
    }

    private ChallengeRepository.DraftScope draftScope() {
        if (scope.isAdmin()) {
            return new ChallengeRepository.DraftScope(true, null, null);
        }
        CurrentUser user = scope.currentUser().orElse(null);
        if (user == null) {
            return new ChallengeRepository.DraftScope(false, -1L, -1L);
        }
        Long org = user.hasRole(Role.ENTERPRISE) && user.organizationId() != null ? user.organizationId() : -1L;
        return new ChallengeRepository.DraftScope(false, user.id(), org);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** All challenges by key core technology: open, under review, in delivery, on track, at risk, accepted. */
    public List<ProgramRow> program() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<String, Text> names = new LinkedHashMap<>();
        for (Map<String, Object> row : repository.countsByTechnology()) {
            String code = (String) row.get("code");
            names.put(code, Text.ofNullable((String) row.get("name_zh"), (String) row.get("name_en")));
            Map<String, Long> columns = counts.computeIfAbsent(code, c -> new HashMap<>());
            String status = (String) row.get("status");
            if (status != null) {
                long n = ((Number) row.get("n")).longValue();
                switch (status) {
                    case "awarded", "in_progress" -> columns.merge("awarded", n, Long::sum);
                    default -> columns.merge(status, n, Long::sum);
                }
            }
        }
        repository.inDelivery().forEach((id, code) -> {
            if (code != null) {
                counts.get(code).merge(health(id), 1L, Long::sum);
            }
        });
        return counts.entrySet().stream().map(e -> new ProgramRow(e.getKey(), names.get(e.getKey()), Map.copyOf(e.getValue()))).toList();
    }

    public List<Map<String, Object>> technologies() {
        return repository.technologies();
    }

    /** on_track or at_risk: at risk when one of its milestones is at risk or late. */
    String health(long challengeId) {
        return Delivery.milestones(jdbc, challengeId, LocalDate.now(ZONE)).stream().anyMatch(m -> m.status().troubled())
                ? "at_risk" : "on_track";
    }

    private java.util.Collection<Long> withHealth(String health) {
        if (!health.equals("on_track") && !health.equals("at_risk")) {
            throw new InvalidInputException("health", "on_track or at_risk", "challenge.error.health", health);
        }
        return repository.inDelivery().keySet().stream().filter(id -> health(id).equals(health)).toList();
    }

    // --- transitions ------------------------------------------------------------------------

    /** Publish, start the review, close without award, cancel, start the work, terminate. Award and accept have their own. */
    public ChallengeView perform(String extId, ChallengeAction action) {
        long id = idOf(extId);
        if (action == ChallengeAction.AWARD || action == ChallengeAction.ACCEPT) {
            throw new InvalidInputException("action", "award and acceptance are recorded with their own details",
                    "challenge.error.action.ownForm");
        }
        if (action == ChallengeAction.CANCEL && !scope.isAdmin()) {
            ChallengeView view = visible(id);          // 404 for a draft the caller may not see
            scope.requireAnyRole(Role.ENTERPRISE);
            if (view.status() != ChallengeStatus.DRAFT || !canSeeDraft(view)) {
                scope.requireAdmin();
            }
        } else {
            visible(id);
            scope.requireAdmin();
        }
        return transition(id, action, Map.of(), challenge -> {
            if (action == ChallengeAction.PUBLISH && !challenge.deadline().isAfter(clock.instant())) {
                throw new ConflictException("the deadline has passed: set a new one before publishing",
                        "challenge.conflict.publishPastDeadline");
            }
        });
    }

    /**
     * The one way a status changes: locks the row, lets the aggregate refuse (409), checks what
     * else must hold, saves with the columns the transition sets, audits.
     */
    ChallengeView transition(long id, ChallengeAction action, Map<String, Object> columns, Consumer<Challenge> beforeSave) {
        return transaction.execute(status -> {
            Challenge challenge = repository.lock(id).orElseThrow(() -> new NotFoundException("challenge", id));
            ChallengeStatus before = challenge.status();
            beforeSave.accept(challenge);
            challenge.perform(action);
            Map<String, Object> set = new LinkedHashMap<>(columns);
            if (action == ChallengeAction.PUBLISH) {
                set.put("published_at", clock.instant());
            }
            if (action.to().terminal()) {
                set.put("closed_at", clock.instant());
            }
            repository.saveStatus(challenge, set);
            Map<String, Object> after = new LinkedHashMap<>(columns);
            after.put("status", challenge.status().code());
            events.publishEvent(new AuditableChange(action.code(), "challenge", challenge.extId(), Map.of("status", before.code()), after));
            return repository.view(id).orElseThrow();
        });
    }

    /** The aggregate, locked until the transaction ends (applications and panel changes wait for transitions). */
    Challenge lockAggregate(long id) {
        return repository.lock(id).orElseThrow(() -> new NotFoundException("challenge", id));
    }

    // --- teams ------------------------------------------------------------------------------

    /**
     * Organizations able to take the challenge on, by matching its problem and targets (for the department to invite);
     * never its sponsor or one of the sponsor's units, which pose the problem rather than solve it.
     */
    public List<MatchHit> recommendTeams(String extId, int k) {
        ChallengeView view = find(extId);
        int wanted = Math.clamp(k, 1, 50);
        Set<String> sponsorSide = sponsorSideExtIds(view);
        if (sponsorSide.isEmpty()) {
            return matching.match(new MatchRequest(describe(view), EntityKind.ORGANIZATION, wanted, SearchFilter.NONE, false)).hits();
        }
        return matching.match(new MatchRequest(describe(view), EntityKind.ORGANIZATION, Math.min(wanted + sponsorSide.size(), MatchRequest.MAX_K),
                        SearchFilter.NONE, false)).hits().stream()
                .filter(hit -> !sponsorSide.contains(hit.extId())).limit(wanted).toList();
    }

    /** The ext ids of the sponsor's organization and its units (none for the department's challenge). */
    private Set<String> sponsorSideExtIds(ChallengeView view) {
        Long sponsor = view.sponsorExtId() == null ? null : organizationId(view.sponsorExtId());
        return sponsor == null ? Set.of() : Set.copyOf(jdbc.sql("""
                        select o.ext_id from organization o where o.id in (select s.id from organization_subtree(:root) s)
                        """).param("root", sponsor).query(String.class).list());
    }

    static String describe(ChallengeView view) {
        StringBuilder text = new StringBuilder(view.title().both()).append('\n').append(view.problem().both());
        if (view.technology() != null) {
            text.append('\n').append(view.technology().both());
        }
        view.targets().forEach(t -> text.append('\n').append(t.indicator()));
        return text.length() > 9000 ? text.substring(0, 9000) : text.toString();
    }

    /**
     * Whether the caller's organization is the challenge's sponsor or one of its units (so it does not apply: the page
     * says so instead of offering the form); false for the department and for a user without an organization.
     */
    public boolean sponsorSide(String extId) {
        Long organization = scope.currentUser().map(CurrentUser::organizationId).orElse(null);
        return organization != null && jdbc.sql("""
                        select exists (select 1 from challenge c where c.ext_id = :e and c.sponsor_organization_id is not null
                                       and :o in (select s.id from organization_subtree(c.sponsor_organization_id) s))
                        """).param("e", extId).param("o", organization).query(Boolean.class).single();
    }

    /** The department invites an organization to apply to a published challenge; never the sponsor or one of its units (400). */
    public void invite(String extId, String organizationExtId) {
        long id = idOf(extId);
        ChallengeView view = visible(id);
        scope.requireAdmin();
        if (view.status() != ChallengeStatus.PUBLISHED) {
            throw new ConflictException("only a published challenge takes invitations", Map.of("status", view.statusCode()),
                    view.status().conflictKey());
        }
        Long organization = organizationId(organizationExtId);
        if (organization == null) {
            throw new InvalidInputException("organization", "no organization " + organizationExtId, "challenge.error.noOrganization", organizationExtId);
        }
        if (sponsorSideExtIds(view).contains(organizationExtId)) {
            throw new InvalidInputException("organization", organizationExtId + " is the challenge's sponsor or one of its units: the sponsor does not take on its own challenge",
                    "challenge.error.inviteSponsor", organizationName(organization).in(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
        Long by = scope.currentUser().map(CurrentUser::id).orElse(null);
        transaction.executeWithoutResult(status -> {
            int added = jdbc.sql("""
                            insert into challenge_invitation (challenge_id, organization_id, invited_by) values (:c, :o, :by)
                            on conflict do nothing
                            """).param("c", id).param("o", organization).param("by", by).update();
            if (added > 0) {
                events.publishEvent(AuditableChange.created("challenge_invitation", extId + "/" + organizationExtId,
                        Map.of("challenge", extId, "organization", organizationExtId)));
                events.publishEvent(UserNotice.toOrganizations(by, List.of(organizationExtId), "notification.challenge.invited",
                        "/challenges/" + extId, view.title(), organizationName(organization)));
            }
        });
    }

    // --- invitations for the caller's organizations -----------------------------------------

    /**
     * The open invitations of the organizations the caller acts for, soonest deadline first: their
     * own organization and, for an ORG_ADMIN, every unit of its subtree (the organizations they may
     * lead an application for). Signed-in users only (401 on the API); none without an organization.
     */
    public Page<InvitationView> openInvitations(int page, int size) {
        scope.requireSignedIn();
        ChallengeRepository.Acting acting = acting();
        int p = Math.max(page, 0);
        int s = Math.clamp(size, 1, MAX_PAGE_SIZE);
        return acting.none() ? new Page<>(List.of(), p, s, 0) : repository.openInvitations(acting, null, p, s);
    }

    /** The caller's organizations' open invitations to this challenge (for the banner on its page); none for a visitor. */
    public List<InvitationView> openInvitations(String extId) {
        long id = idOf(extId);
        ChallengeRepository.Acting acting = acting();
        return acting.none() ? List.of() : repository.openInvitations(acting, id, 0, MAX_PAGE_SIZE).items();
    }

    /** How many open invitations the caller's organizations have: one count query, none for a visitor or a user without an organization. */
    public long openInvitationCount() {
        ChallengeRepository.Acting acting = acting();
        return acting.none() ? 0 : repository.countOpenInvitations(acting);
    }

    /** The organizations the caller acts for, as {@link Applications} lets them lead: their own, and an ORG_ADMIN's subtree. */
    private ChallengeRepository.Acting acting() {
        return scope.currentUser()
                .map(user -> new ChallengeRepository.Acting(user.organizationId(), scope.organizationSubtreeRoot().orElse(null)))
                .orElse(ChallengeRepository.Acting.NOBODY);
    }

    /** The department withdraws an invitation: the organization is no longer told. 404 when there is none. */
    public void withdrawInvitation(String extId, String organizationExtId) {
        long id = idOf(extId);
        visible(id);
        scope.requireAdmin();
        Long organization = organizationId(organizationExtId);
        if (organization == null) {
            throw new InvalidInputException("organization", "no organization " + organizationExtId, "challenge.error.noOrganization", organizationExtId);
        }
        transaction.executeWithoutResult(status -> {
            Map<String, Object> removed = jdbc.sql("""
                            delete from challenge_invitation where challenge_id = :c and organization_id = :o
                            returning invited_at, invited_by
                            """).param("c", id).param("o", organization).query().listOfRows().stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("invitation", extId + "/" + organizationExtId));
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("challenge", extId);
            before.put("organization", organizationExtId);
            before.put("invitedAt", ((java.sql.Timestamp) removed.get("invited_at")).toInstant().toString());
            before.put("invitedBy", removed.get("invited_by"));
            events.publishEvent(AuditableChange.deleted("challenge_invitation", extId + "/" + organizationExtId, before));
        });
    }

    /** Every invitation to a challenge, open or not (the department's view on the teams page). */
    public List<InvitationView> invitations(String extId) {
        long id = idOf(extId);
        visible(id);
        scope.requireAdmin();
        return repository.invitations(id);
    }

    /** The organizations invited to a challenge (ext ids). */
    public Set<String> invited(String extId) {
        return Set.copyOf(jdbc.sql("""
                        select o.ext_id from challenge_invitation i join organization o on o.id = i.organization_id
                        join challenge c on c.id = i.challenge_id where c.ext_id = :e
                        """).param("e", extId).query(String.class).list());
    }
}
