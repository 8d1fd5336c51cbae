package org.triplehelix.matching;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.OrganizationScope;
import org.triplehelix.access.Role;
import org.triplehelix.matching.demand.DemandRepository;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.ListItems;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.SortIds;
import org.triplehelix.shared.db.Collations;

/**
 * Technology demands: posting, editing, closing, listing, with their visibility, every right
 * checked here through the access module's {@link DataScope}:
 * <ul>
 * <li>posting needs the ENTERPRISE role (or ADMIN), for the poster's own organization (an
 *     ORG_ADMIN of an enterprise also for its units);</li>
 * <li>a demand is changed by its author, by the users who may see its organization's private data
 *     (the enterprise's users, the organization's administrators) and by an administrator;</li>
 * <li>visibility {@code public}: everyone; {@code signed_in}: signed-in users; {@code parties}: the
 *     author, the demand's organization as above, and the members of the organizations it names.</li>
 * </ul>
 * A demand hidden from the viewer does not exist for them (404, not 403). The scope reaches SQL as
 * parameters only.
 */
@Service
public class DemandService {

    static final int MAX_KEYWORDS = 20;
    static final int MAX_TEXT = 10_000;
    /** A budget is below 10^14 yuan: the column is numeric(16, 2), and a larger amount is a typing error anyway. */
    static final BigDecimal MAX_BUDGET = BigDecimal.TEN.pow(14);

    private static final String VISIBLE = """
            (d.visibility = 'public'
             or (:signedIn and d.visibility = 'signed_in')
             or d.created_by = :user
             or :allOrgs or d.organization_id = any(:orgIds)
             or exists (select 1 from demand_party p where p.demand_id = d.id and p.organization_id = any(:partyOrgs)))""";

    /** A word typed into the list's search box, matched literally ({@code %} and {@code _} escaped): one such condition a word. */
    private static final String WORDS = """
             and (lower(concat_ws(' ', d.title_zh, d.title_en, d.description_zh, d.description_en, array_to_string(d.keywords, ' ')))
                    like :words escape '\\'
                  or exists (select 1 from organization o where o.id = d.organization_id
                             and lower(concat_ws(' ', o.name_zh, o.name_en)) like :words escape '\\'))""";

    static final int MAX_WORDS = 100;
    /** The words of a search each add a condition; past ten, more words would narrow little and cost a scan each. */
    static final int MAX_TERMS = 10;

    private static final String CHANGEABLE = "(d.created_by = :user or :allOrgs or d.organization_id = any(:orgIds))";

    private final DemandRepository demands;
    private final Collations collations;
    private final DataScope scope;
    private final ApplicationEventPublisher events;

    private final org.springframework.transaction.support.TransactionTemplate savepoint;

    DemandService(DemandRepository demands, Collations collations, DataScope scope, ApplicationEventPublisher events,
                  org.springframework.transaction.PlatformTransactionManager transactions) {
        this.demands = demands;
        this.collations = collations;
        this.scope = scope;
        this.events = events;
        this.savepoint = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Published after a demand was written, for the search index. */
    public record DemandChanged(String extId) {
    }

    /**
     * The orders of the demand list, by their ids ({@code ?sort=}): most recently changed first (the default), soonest
     * deadline first, highest budget first, by title. Each maps to a fixed ORDER BY ({@link #orderBy}), never to text
     * from the request; every one ends with the demand's id, so that a page never repeats or skips a demand of the one
     * before it when several share a deadline, a budget or a title.
     */
    public enum Sort {
        UPDATED, DEADLINE, BUDGET, TITLE;

        public static final List<String> IDS = java.util.Arrays.stream(values()).map(Sort::id).toList();

        public String id() {
            return SortIds.id(this);
        }

        /** The sort of this id (any case; blank: the default), or a refusal naming {@code sort}. */
        public static Sort of(String id) {
            return SortIds.of(Sort.class, id, UPDATED).orElseThrow(() ->
                    new InvalidInputException("sort", "sort is one of updated, deadline, budget, title, not " + id,
                    "matching.demand.error.sort", id));
        }
    }

    /**
     * The ORDER BY of a sort. A budget ranks by its upper bound, else its lower one (a demand offering "from 500,000"
     * ranks by that), the lower bound breaking ties; a title in the reader's language when the demand has one, as the list
     * shows it, in ICU's order for that language as the registry's lists (Chinese by pinyin) when the database has it, else
     * in the database's own; what a demand lacks (a deadline, a budget) puts it last.
     */
    private String orderBy(Sort sort, boolean english) {
        return switch (sort) {
            case UPDATED -> "d.updated_at desc, d.ext_id";
            case DEADLINE -> "d.deadline asc nulls last, d.ext_id";
            case BUDGET -> "coalesce(d.budget_max, d.budget_min) desc nulls last, d.budget_min desc nulls last, d.ext_id";
            case TITLE -> collations.inLanguage("d.title_zh", "d.title_en", english) + ", d.ext_id";
        };
    }

    @Transactional(readOnly = true)
    public Page<Demand> list(String status, int page, int size) {
        return list(status, null, page, size);
    }

    @Transactional(readOnly = true)
    public Page<Demand> list(String status, String words, int page, int size) {
        return list(status, words, Sort.UPDATED, false, page, size);
    }

    /**
     * The demands the caller may see, by status and by words each found (as typed, in any case) in a title, a
     * description, a keyword or the enterprise's name; in the order of {@code sort} ({@code english}: titles sorted
     * by their English text first).
     */
    @Transactional(readOnly = true)
    public Page<Demand> list(String status, String words, Sort sort, boolean english, int page, int size) {
        int pageSize = Math.clamp(size, 1, 100);
        int pageNumber = Math.max(0, page);
        Map<String, Object> params = scopeParams();
        String condition = VISIBLE;
        if (status != null && !status.isBlank()) {
            condition += " and d.status = :status";
            params.put("status", status(status).id());
        }
        if (words != null && !words.isBlank()) {
            // each word typed is found somewhere (光电 silicon: both, in any of the texts), not the words as one phrase
            String typed = words.strip().toLowerCase(Locale.ROOT);
            List<String> terms = java.util.Arrays.stream(typed.substring(0, Math.min(typed.length(), MAX_WORDS)).split("[\\s\u3000]+"))
                    .filter(term -> !term.isEmpty()).distinct().limit(MAX_TERMS).toList();
            for (int i = 0; i < terms.size(); i++) {
                condition += " " + WORDS.replace(":words", ":words" + i);
                params.put("words" + i, "%" + terms.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        return new Page<>(demands.list(condition, orderBy(sort, english), params, (long) pageNumber * pageSize, pageSize), pageNumber, pageSize,
                demands.count(condition, params)).map(this::asSeen);
    }

    @Transactional(readOnly = true)
    public Demand get(String extId) {
        return asSeen(visible(extId));
    }

    /**
     * The demand for its edit form: refused (as a change would be) to a caller who may not change it, so that
     * nobody fills in a form whose saving is bound to be refused.
     */
    @Transactional(readOnly = true)
    public Demand forEdit(String extId) {
        return writable(extId);
    }

    private Demand visible(String extId) {
        return demands.find(extId).filter(this::canSee).orElseThrow(() -> new NotFoundException("demand", extId));
    }

    /**
     * The demand as the caller may read it. Who posted it is an account's email, personal data: it is shown
     * to those who may change the demand (its organization's users, an administrator), not to every reader
     * of a public demand; the import, the command line and the platform stay named.
     */
    private Demand asSeen(Demand demand) {
        boolean account = demand.createdBy() != null && !Set.of("import", "cli", "system").contains(demand.createdBy());
        return account && !canChange(demand) ? demand.withoutPoster() : demand;
    }

    /**
     * The demand's industry as a reader sees it: the registry industry's names when the demand names one by its
     * code ({@code ind-optoelectronics}), else the text as typed.
     */
    public org.triplehelix.shared.Text industryOf(Demand demand) {
        if (demand.industry() == null) {
            return null;
        }
        return demands.industryName(demand.industry()).orElse(org.triplehelix.shared.Text.ofNullable(demand.industry(), demand.industry()));
    }

    /** Whether the caller may see this demand (for the matches of other entities). */
    public boolean canSee(Demand demand) {
        return demand.visibility() == Demand.Visibility.PUBLIC || demands.matches(demand.extId(), VISIBLE, scopeParams());
    }

    /**
     * Those of the demands (by external id) the caller may see: what a ranking of demands keeps, so that matching
     * shows nobody a demand its visibility hides from them (one query for the whole ranking).
     */
    @Transactional(readOnly = true)
    public Set<String> visibleAmong(java.util.Collection<String> extIds) {
        return demands.admitted(extIds, VISIBLE, scopeParams());
    }

    /**
     * The demands (by external id) the caller may read, as they may read them, by id: the details a ranking of demands
     * shows with its hits (deadline, budget, readiness), kept to {@link #visibleAmong} so that no page shows more.
     */
    @Transactional(readOnly = true)
    public Map<String, Demand> readable(java.util.Collection<String> extIds) {
        Set<String> visible = visibleAmong(extIds);
        Map<String, Demand> shown = new java.util.LinkedHashMap<>();
        demands.find(visible).forEach(d -> shown.put(d.extId(), asSeen(d)));
        return shown;
    }

    /** The registry's industries (code and names), for a filter of demands by industry. */
    @Transactional(readOnly = true)
    public List<org.triplehelix.matching.demand.DemandRepository.Industry> industries() {
        return demands.industries();
    }

    /** Whether the caller may post a demand: an enterprise user or an administrator. */
    public boolean canPost() {
        return scope.isAdmin() || scope.hasRole(Role.ENTERPRISE);
    }

    /** Whether the caller may edit, close, reopen or delete this demand. */
    public boolean canChange(Demand demand) {
        return (scope.currentUser().isPresent() || scope.isOperator()) && demands.matches(demand.extId(), CHANGEABLE, scopeParams());
    }

    @Transactional
    public Demand post(DemandDraft draft) {
        scope.requireAnyRole(Role.ENTERPRISE);
        DemandDraft valid = withPoster(validate(draft, true));
        requireOwnOrganization(valid.organization());
        String extId = valid.extId() != null ? valid.extId() : "demand-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (demands.exists(extId)) {
            throw new ConflictException("demand " + extId + " already exists", "matching.demand.conflict.exists", extId);
        }
        demands.insert(extId, valid, actor());
        Demand created = demands.find(extId).orElseThrow();
        events.publishEvent(AuditableChange.created("demand", extId, created));
        events.publishEvent(new DemandChanged(extId));
        return created;
    }

    @Transactional
    public Demand edit(String extId, DemandDraft draft) {
        Demand before = writable(extId);
        DemandDraft valid = keepOrganization(validate(keepVisibility(draft, before), false), before);
        if (!java.util.Objects.equals(valid.deadline(), before.deadline())) {
            checkDeadline(valid.deadline(), true); // a deadline moved into the past is refused; one that has passed since may stay
        }
        if (!java.util.Objects.equals(valid.organization(), before.organization())) {
            requireOwnOrganization(valid.organization());
        }
        int version = draft.version() != null ? draft.version() : before.version();
        if (!demands.update(extId, valid, version)) {
            throw new ConflictException("demand " + extId + " was changed by someone else meanwhile; reload it", "matching.demand.conflict.stale");
        }
        Demand after = demands.find(extId).orElseThrow();
        events.publishEvent(AuditableChange.updated("demand", extId, before, after));
        events.publishEvent(new DemandChanged(extId));
        return after;
    }

    @Transactional
    public Demand close(String extId) {
        return setStatus(extId, Demand.Status.CLOSED);
    }

    @Transactional
    public Demand reopen(String extId) {
        return setStatus(extId, Demand.Status.OPEN);
    }

    @Transactional
    public void delete(String extId) {
        Demand before = writable(extId);
        demands.delete(extId);
        events.publishEvent(AuditableChange.deleted("demand", extId, before));
        events.publishEvent(new DemandChanged(extId));
    }

    /** A demand record of the interchange format, as an import read it. */
    public record Imported(String extId, tools.jackson.databind.JsonNode fields, boolean illustrative) {

        public Imported(String extId, tools.jackson.databind.JsonNode fields) {
            this(extId, fields, false);
        }
    }

    /**
     * A record the import rejected, and why: in English ({@code reason}, "field: message", for the
     * command line and the JSON report, as before), and as the refused field with the refusal's
     * message key and arguments (as text), for the import page to say in the reader's language.
     */
    public record ImportFailure(String extId, String reason, String field, String key, List<String> args, String detail) {

        public ImportFailure {
            args = args == null ? List.of() : List.copyOf(args);
        }

        public static ImportFailure of(String extId, InvalidInputException e) {
            return new ImportFailure(extId, e.field() + ": " + e.getMessage(), e.field(), e.key(),
                    java.util.Arrays.stream(e.args()).map(String::valueOf).toList(), null);
        }

        /** A record the database refused (a constraint the checks before it did not foresee): its words are the detail. */
        public static ImportFailure database(String extId, org.springframework.dao.DataAccessException e) {
            String words = e.getMostSpecificCause().getMessage();
            return new ImportFailure(extId, "the database refused the record: " + words, null, "matching.demand.error.database",
                    List.of(), words);
        }
    }

    /** What importing a demand record did: created it, replaced a demand whose fields differed, or found them the same. */
    public enum ImportChange {
        CREATED, REPLACED, UNCHANGED
    }

    /** What a batch of imported records did: each record's id with its change, or with its failure. */
    public record ImportResult(Map<String, ImportChange> changes, List<ImportFailure> failures) {

        public ImportResult {
            changes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
            failures = List.copyOf(failures);
        }
    }

    /**
     * Imports demand records (INTERCHANGE.md: {@code id}, {@code title}, and optionally
     * {@code description}, {@code keywords}, {@code organization}, {@code industry}, {@code region});
     * a record whose id exists replaces the demand's fields of the format, leaving its terms, status
     * and visibility, and a record whose fields are those stored writes nothing (the demand's version
     * stays, no one is alerted again). A rejected record writes nothing; the batch publishes one audit
     * event with counts.
     */
    @Transactional
    public ImportResult importBatch(List<Imported> records) {
        Map<String, ImportChange> changes = new java.util.LinkedHashMap<>();
        List<ImportFailure> failures = new ArrayList<>();
        for (Imported record : records) {
            try {
                // each record behind a savepoint: one the database refuses is rolled back alone, the batch goes on
                changes.put(record.extId(), savepoint.execute(status -> importOne(record)));
            } catch (InvalidInputException e) {
                failures.add(ImportFailure.of(record.extId(), e));
            } catch (org.springframework.dao.DataAccessException e) {
                failures.add(ImportFailure.database(record.extId(), e));
            }
        }
        Map<ImportChange, Long> counts = changes.values().stream()
                .collect(java.util.stream.Collectors.groupingBy(c -> c, () -> new java.util.EnumMap<>(ImportChange.class),
                        java.util.stream.Collectors.counting()));
        events.publishEvent(new AuditableChange("import", "demand", null, null,
                Map.of("created", counts.getOrDefault(ImportChange.CREATED, 0L), "replaced", counts.getOrDefault(ImportChange.REPLACED, 0L),
                        "unchanged", counts.getOrDefault(ImportChange.UNCHANGED, 0L), "rejected", failures.size())));
        return new ImportResult(changes, failures);
    }

    /** Writes one imported record, unless the demand holds its fields already; what that did. */
    private ImportChange importOne(Imported record) {
        DemandDraft draft = validate(draftOf(record), false);
        java.util.Optional<Demand> existing = demands.find(record.extId());
        if (existing.isPresent()) {
            Demand d = existing.get();
            if (sameImportedFields(d, draft)) {
                return ImportChange.UNCHANGED;
            }
            DemandDraft merged = new DemandDraft(d.extId(), draft.titleZh(), draft.titleEn(), draft.descriptionZh(),
                    draft.descriptionEn(), draft.keywords(), draft.organization(), draft.industry(), draft.region(), d.budgetMin(),
                    d.budgetMax(), d.trl(), d.ipStance() == null ? null : d.ipStance().id(), d.visibility().id(), d.deadline(),
                    d.parties(), d.version());
            demands.update(d.extId(), merged, d.version());
        } else {
            demands.insert(record.extId(), draft, "import", record.illustrative());
        }
        events.publishEvent(new DemandChanged(record.extId()));
        return existing.isPresent() ? ImportChange.REPLACED : ImportChange.CREATED;
    }

    /** Whether the stored demand holds the fields an import record sets (INTERCHANGE.md), as checked and cleaned. */
    private static boolean sameImportedFields(Demand d, DemandDraft draft) {
        return java.util.Objects.equals(d.titleZh(), draft.titleZh()) && java.util.Objects.equals(d.titleEn(), draft.titleEn())
                && java.util.Objects.equals(d.descriptionZh(), draft.descriptionZh())
                && java.util.Objects.equals(d.descriptionEn(), draft.descriptionEn())
                && java.util.Objects.equals(d.keywords(), draft.keywords())
                && java.util.Objects.equals(d.organization(), draft.organization())
                && java.util.Objects.equals(d.industry(), draft.industry()) && java.util.Objects.equals(d.region(), draft.region());
    }

    /**
     * The draft of an imported record, each field read as the format types it (INTERCHANGE.md): a text is a string or
     * an object of {@code zh} and {@code en} strings, {@code keywords} a list of strings, the links and codes strings.
     * A value of another type is refused naming its field, as the registry's own records are, rather than read as
     * something else (a keyword string as no keywords) or stopping the whole import.
     */
    private static DemandDraft draftOf(Imported record) {
        tools.jackson.databind.JsonNode f = record.fields();
        String[] title = texts(f, "title");
        String[] description = texts(f, "description");
        return new DemandDraft(record.extId(), title[0], title[1], description[0], description[1], strings(f, "keywords"),
                string(f, "organization"), string(f, "industry"), string(f, "region"),
                null, null, null, null, "public", null, List.of(), null);
    }

    /** A text of the interchange format (a string, or {"zh", "en"}) as its Chinese and English values. */
    private static String[] texts(tools.jackson.databind.JsonNode record, String field) {
        tools.jackson.databind.JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return new String[2];
        }
        if (value.isString()) {
            String text = value.stringValue();
            return org.triplehelix.shared.Text.containsHan(text) ? new String[] {text, null} : new String[] {null, text};
        }
        if (!value.isObject()) {
            throw new InvalidInputException(field, field + " must be a string or an object {\"zh\", \"en\"}, not " + describe(value),
                    "matching.demand.error.notText");
        }
        return new String[] {language(value, field, "zh"), language(value, field, "en")};
    }

    private static String language(tools.jackson.databind.JsonNode text, String field, String language) {
        tools.jackson.databind.JsonNode value = text.get(language);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidInputException(field, field + "." + language + " must be a string, not " + describe(value),
                    "matching.demand.error.notText");
        }
        return value.stringValue();
    }

    /** A string of the format (an id, a code, a name); a number is taken as its digits, as the registry's records take it. */
    private static String string(tools.jackson.databind.JsonNode record, String field) {
        tools.jackson.databind.JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() && !value.isNumber()) {
            throw new InvalidInputException(field, field + " must be a string, not " + describe(value), "matching.demand.error.notString");
        }
        return value.asString();
    }

    private static List<String> strings(tools.jackson.databind.JsonNode record, String field) {
        tools.jackson.databind.JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidInputException(field, field + " must be a list of strings, not " + describe(value),
                    "matching.demand.error.notList");
        }
        List<String> strings = new ArrayList<>();
        for (tools.jackson.databind.JsonNode element : value) {
            if (!element.isString() && !element.isNumber()) {
                throw new InvalidInputException(field, field + " must be a list of strings, not of " + describe(element),
                        "matching.demand.error.notList");
            }
            strings.add(element.asString());
        }
        return strings;
    }

    private static String describe(tools.jackson.databind.JsonNode value) {
        return value.isObject() ? "an object" : value.isArray() ? "a list" : value.isBoolean() ? "true or false"
                : value.isNumber() ? "a number" : "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private Demand setStatus(String extId, Demand.Status status) {
        Demand before = writable(extId);
        if (before.status() == status) {
            return before;
        }
        if (!demands.setStatus(extId, status, before.version())) {
            throw new ConflictException("demand " + extId + " was changed by someone else meanwhile; reload it", "matching.demand.conflict.stale");
        }
        Demand after = demands.find(extId).orElseThrow();
        events.publishEvent(AuditableChange.updated("demand", extId, before, after));
        events.publishEvent(new DemandChanged(extId));
        return after;
    }

    private Demand writable(String extId) {
        if (scope.currentUser().isEmpty() && !scope.isOperator()) {
            throw new AccessDeniedException("sign in to change a demand");
        }
        Demand demand = visible(extId);
        if (!canChange(demand)) {
            throw new AccessDeniedException("only the demand's author, its organization or an administrator may change it");
        }
        return demand;
    }

    /** A demand posted without an organization is the poster's organization's, when they have one. */
    private DemandDraft withPoster(DemandDraft d) {
        if (d.organization() != null) {
            return d;
        }
        String own = scope.currentUser().map(CurrentUser::organizationId).flatMap(demands::organizationExtId).orElse(null);
        return own == null ? d : new DemandDraft(d.extId(), d.titleZh(), d.titleEn(), d.descriptionZh(), d.descriptionEn(), d.keywords(),
                own, d.industry(), d.region(), d.budgetMin(), d.budgetMax(), d.trl(), d.ipStance(), d.visibility(), d.deadline(),
                d.parties(), d.version());
    }

    /** An edit that names no organization leaves the demand's own. */
    private static DemandDraft keepOrganization(DemandDraft d, Demand before) {
        if (d.organization() != null || before.organization() == null) {
            return d;
        }
        return new DemandDraft(d.extId(), d.titleZh(), d.titleEn(), d.descriptionZh(), d.descriptionEn(), d.keywords(),
                before.organization(), d.industry(), d.region(), d.budgetMin(), d.budgetMax(), d.trl(), d.ipStance(), d.visibility(),
                d.deadline(), d.parties(), d.version());
    }

    /**
     * An edit that names no visibility leaves the demand's own: a body that leaves the field out (an API client
     * changing the title) must not make a demand for its parties public, nor alert everyone of it.
     */
    private static DemandDraft keepVisibility(DemandDraft d, Demand before) {
        if (d.visibility() != null && !d.visibility().isBlank()) {
            return d;
        }
        return new DemandDraft(d.extId(), d.titleZh(), d.titleEn(), d.descriptionZh(), d.descriptionEn(), d.keywords(),
                d.organization(), d.industry(), d.region(), d.budgetMin(), d.budgetMax(), d.trl(), d.ipStance(),
                before.visibility().id(), d.deadline(), d.parties(), d.version());
    }

    /** Only an administrator posts for another organization (or for none). */
    private void requireOwnOrganization(String organizationExtId) {
        if (scope.isAdmin()) {
            return;
        }
        Long id = organizationExtId == null ? null : demands.organizationId(organizationExtId).orElse(null);
        if (id == null || !scope.canSeeOrganizationPrivate(id)) {
            throw new AccessDeniedException("a demand is posted for your own organization");
        }
    }

    private String actor() {
        return scope.currentUser().map(CurrentUser::email).orElse(scope.isOperator() ? "cli" : "system");
    }

    /** The caller's scope as the parameters of {@link #VISIBLE} and {@link #CHANGEABLE}. */
    private Map<String, Object> scopeParams() {
        Optional<CurrentUser> user = scope.currentUser();
        OrganizationScope own = scope.privateReadableOrganizations();
        Set<Long> partyOrgs = new LinkedHashSet<>(scope.editableOrganizations().organizationIds());
        user.map(CurrentUser::organizationId).ifPresent(partyOrgs::add);
        Map<String, Object> params = new HashMap<>();
        params.put("signedIn", user.isPresent() || scope.isOperator());
        params.put("user", user.map(CurrentUser::email).orElse(""));
        params.put("allOrgs", own.all());
        params.put("orgIds", own.ids());
        params.put("partyOrgs", partyOrgs.toArray(Long[]::new));
        return params;
    }

    /**
     * Every refusal of a draft, one per rule it breaks, in the order {@link #validate} checks them (which throws
     * the first): for a form that marks all its refused fields at once. The right to post for the organization
     * is not among them (that is a 403, checked when the draft is saved).
     */
    public List<InvalidInputException> refusals(DemandDraft d, boolean creating) {
        List<Runnable> checks = List.of(
                () -> text(d.titleZh(), "titleZh", 200),
                () -> text(d.titleEn(), "titleEn", 200),
                () -> {
                    if (blank(d.titleZh()) == null && blank(d.titleEn()) == null) {
                        throw titleRefused();
                    }
                },
                () -> checkExtId(d.extId()),
                () -> keywords(d.keywords()),
                () -> {
                    if (d.trl() != null && (d.trl() < 1 || d.trl() > 9)) {
                        throw trlRefused();
                    }
                },
                () -> checkBudget(d.budgetMin(), d.budgetMax()),
                () -> {
                    if (d.visibility() != null && !d.visibility().isBlank()) {
                        enumId(d.visibility(), "visibility", Demand.Visibility.values());
                    }
                },
                () -> {
                    if (d.ipStance() != null && !d.ipStance().isBlank()) {
                        enumId(d.ipStance(), "ipStance", Demand.IpStance.values());
                    }
                },
                () -> checkDeadline(d.deadline(), creating),
                () -> checkOrganization(blank(d.organization())),
                () -> d.parties().stream().filter(p -> p != null && !p.isBlank()).forEach(p -> checkParty(p.strip())),
                () -> text(d.descriptionZh(), "descriptionZh", MAX_TEXT),
                () -> text(d.descriptionEn(), "descriptionEn", MAX_TEXT),
                () -> text(d.industry(), "industry", 100),
                () -> text(d.region(), "region", 100));
        List<InvalidInputException> refused = new ArrayList<>();
        for (Runnable check : checks) {
            try {
                check.run();
            } catch (InvalidInputException e) {
                refused.add(e);
            }
        }
        return refused;
    }

    /** Checks a draft and returns it cleaned (texts stripped, blank ones null, enumerations normalized). */
    DemandDraft validate(DemandDraft d, boolean creating) {
        String titleZh = text(d.titleZh(), "titleZh", 200);
        String titleEn = text(d.titleEn(), "titleEn", 200);
        if (titleZh == null && titleEn == null) {
            throw titleRefused();
        }
        checkExtId(d.extId());
        List<String> keywords = keywords(d.keywords());
        if (d.trl() != null && (d.trl() < 1 || d.trl() > 9)) {
            throw trlRefused();
        }
        checkBudget(d.budgetMin(), d.budgetMax());
        String visibility = d.visibility() == null || d.visibility().isBlank() ? "public" : enumId(d.visibility(), "visibility", Demand.Visibility.values());
        String ipStance = d.ipStance() == null || d.ipStance().isBlank() ? null : enumId(d.ipStance(), "ipStance", Demand.IpStance.values());
        checkDeadline(d.deadline(), creating);
        String organization = blank(d.organization());
        checkOrganization(organization);
        List<String> parties = new ArrayList<>();
        for (String party : d.parties()) {
            if (party != null && !party.isBlank()) {
                checkParty(party.strip());
                parties.add(party.strip());
            }
        }
        return new DemandDraft(blank(d.extId()), titleZh, titleEn, text(d.descriptionZh(), "descriptionZh", MAX_TEXT),
                text(d.descriptionEn(), "descriptionEn", MAX_TEXT), keywords, organization, text(d.industry(), "industry", 100),
                text(d.region(), "region", 100), d.budgetMin(), d.budgetMax(), d.trl(), ipStance, visibility, d.deadline(),
                parties, d.version());
    }

    private static InvalidInputException titleRefused() {
        return new InvalidInputException("title", "a demand needs a title, in Chinese or in English", "matching.demand.error.title");
    }

    private static void checkExtId(String extId) {
        if (extId != null && !extId.isBlank() && !extId.strip().matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new InvalidInputException("extId", "an id is 1–100 letters, digits, '.', '_', ':' or '-'",
                    "matching.demand.error.extId", extId.strip());
        }
    }

    private static InvalidInputException trlRefused() {
        return new InvalidInputException("trl", "the technology readiness level is 1 to 9", "matching.demand.error.trl");
    }

    private static void checkDeadline(LocalDate deadline, boolean creating) {
        if (creating && deadline != null && deadline.isBefore(LocalDate.now())) {
            throw new InvalidInputException("deadline", "the deadline is in the past", "matching.demand.error.deadlinePast");
        }
    }

    private void checkOrganization(String organization) {
        if (organization != null && !demands.organizationExists(organization)) {
            throw new InvalidInputException("organization", "no organization " + organization,
                    "matching.demand.error.noOrganization", organization);
        }
    }

    private void checkParty(String party) {
        if (!demands.organizationExists(party)) {
            throw new InvalidInputException("parties", "no organization " + party, "matching.demand.error.noOrganization", party);
        }
    }

    private static void checkBudget(BigDecimal min, BigDecimal max) {
        if (min != null && min.signum() < 0) {
            throw new InvalidInputException("budgetMin", "a budget is not negative", "matching.demand.error.budgetNegative");
        }
        if (max != null && max.signum() < 0) {
            throw new InvalidInputException("budgetMax", "a budget is not negative", "matching.demand.error.budgetNegative");
        }
        // the column keeps fen (numeric(16, 2)): a third decimal would be rounded away without a word
        if (min != null && min.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("budgetMin", "a budget has at most two decimal places", "matching.demand.error.budgetFen");
        }
        if (max != null && max.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("budgetMax", "a budget has at most two decimal places", "matching.demand.error.budgetFen");
        }
        if (min != null && min.compareTo(MAX_BUDGET) >= 0) {
            throw new InvalidInputException("budgetMin", "a budget is less than 10^14 yuan", "matching.demand.error.budgetLarge");
        }
        if (max != null && max.compareTo(MAX_BUDGET) >= 0) {
            throw new InvalidInputException("budgetMax", "a budget is less than 10^14 yuan", "matching.demand.error.budgetLarge");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new InvalidInputException("budgetMax", "the budget's upper bound is below its lower bound",
                    "matching.demand.error.budgetOrder");
        }
    }

    private static List<String> keywords(List<String> given) {
        // the demand form shows the keywords one a line: one holding a line break (the API, an import) would come back as several
        ListItems.requireOneLine("keywords", given);
        List<String> keywords = given.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).distinct().toList();
        if (keywords.size() > MAX_KEYWORDS) {
            throw new InvalidInputException("keywords", "at most " + MAX_KEYWORDS + " keywords",
                    "matching.demand.error.keywordsMany", MAX_KEYWORDS);
        }
        if (keywords.stream().anyMatch(k -> k.length() > 50)) {
            throw new InvalidInputException("keywords", "a keyword is at most 50 characters", "matching.demand.error.keywordLong");
        }
        keywords.forEach(k -> refuseNul(k, "keywords"));
        return keywords;
    }

    private static String enumId(String value, String field, Enum<?>[] values) {
        String id = value.strip().toLowerCase(Locale.ROOT);
        for (Enum<?> candidate : values) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(id)) {
                return id;
            }
        }
        throw new InvalidInputException(field, "unknown value " + value, "matching.demand.error.unknownValue", value);
    }

    static Demand.Status status(String value) {
        try {
            return Demand.Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "status is open or closed", "matching.demand.error.status", value);
        }
    }

    private static String text(String value, String field, int max) {
        String text = blank(value);
        if (text != null && text.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters", "matching.demand.error.tooLong", max);
        }
        refuseNul(text, field);
        return text;
    }

    /** PostgreSQL stores no NUL in a text: refused here, field named, rather than by the database (which would stop an import whole). */
    private static void refuseNul(String text, String field) {
        if (text != null && text.indexOf('\0') >= 0) {
            throw new InvalidInputException(field, "contains a NUL character, which cannot be stored", "matching.demand.error.nul");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static boolean signedIn(Authentication viewer) {
        return viewer != null && viewer.isAuthenticated() && !(viewer instanceof AnonymousAuthenticationToken);
    }
}
