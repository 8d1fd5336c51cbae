package org.triplehelix.facility;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Page;
import org.triplehelix.shared.Text;

/**
 * The catalog of facilities and instruments as this module extends it: reading (open to all),
 * searching, and changing a profile (the owning organization's administrators and the
 * instrument's managers) or the managers (the owning organization's administrators).
 */
@Service
public class FacilityCatalog {

    static final String PROFILE_KIND = "facility_profile";
    static final String MANAGERS_KIND = "facility_managers";
    private static final int MAX_PAGE_SIZE = 100;

    private final CatalogRepository catalog;
    private final DataScope scope;
    private final ApplicationEventPublisher events;

    FacilityCatalog(CatalogRepository catalog, DataScope scope, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.scope = scope;
        this.events = events;
    }

    public Instrument instrument(String extId) {
        return catalog.findByExtId(extId).orElseThrow(() -> new NotFoundException("facility", extId));
    }

    Instrument instrument(long id) {
        return catalog.findById(id).orElseThrow(() -> new NotFoundException("facility", id));
    }

    /** Facilities ranked by how well their texts match {@code q} (all of them, by name, without one). */
    public Page<InstrumentSummary> search(String q, String type, int page, int size) {
        if (type != null && !type.isBlank() && !type.equals("instrument") && !type.equals("major_facility")) {
            throw new InvalidInputException("type", "the type is instrument or major_facility", "facility.error.type", type);
        }
        int pageSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        int pageNumber = Math.max(page, 0);
        List<Instrument> all = catalog.all(type == null || type.isBlank() ? null : type);
        List<InstrumentSummary> ranked = rank(all, q);
        List<InstrumentSummary> items = ranked.stream().skip((long) pageNumber * pageSize).limit(pageSize).toList();
        return new Page<>(items, pageNumber, pageSize, ranked.size());
    }

    private static List<InstrumentSummary> rank(List<Instrument> all, String q) {
        boolean query = q != null && !q.isBlank();
        double[] scores = query ? new TextMatch(all.stream().map(i -> i.name().both()).toList(),
                all.stream().map(FacilityCatalog::text).toList()).scores(q) : new double[all.size()];
        return IntStream.range(0, all.size())
                .filter(i -> !query || scores[i] > 0)
                .mapToObj(i -> summary(all.get(i), scores[i]))
                .sorted(Comparator.comparingDouble(InstrumentSummary::score).reversed()
                        .thenComparing(s -> s.type().equals("major_facility") ? 0 : 1)
                        .thenComparing(InstrumentSummary::id))
                .toList();
    }

    /** All of a facility's words: name, description, keywords, model, maker, capabilities. */
    private static String text(Instrument instrument) {
        FacilityProfile profile = instrument.profile();
        List<String> parts = new ArrayList<>(List.of(instrument.name().both()));
        parts.add(instrument.description() == null ? null : instrument.description().both());
        parts.addAll(instrument.keywords());
        parts.add(profile.model());
        parts.add(profile.maker());
        parts.add(profile.capabilities() == null ? null : profile.capabilities().both());
        return TextMatch.join(parts);
    }

    /** What the search index should hold of a facility besides the registry's record: its profile's words. */
    public String searchText(String extId) {
        FacilityProfile profile = instrument(extId).profile();
        return TextMatch.join(java.util.Arrays.asList(profile.model(), profile.maker(),
                profile.capabilities() == null ? null : profile.capabilities().both(),
                profile.location() == null ? null : profile.location().both()));
    }

    private static InstrumentSummary summary(Instrument instrument, double score) {
        FacilityProfile profile = instrument.profile();
        return new InstrumentSummary(instrument.extId(), instrument.type(), instrument.name(), instrument.organizationExtId(),
                instrument.organizationName(), profile.location(), profile.model(), profile.maker(), profile.fees().unit(),
                profile.fees().internalRate(), profile.fees().externalRate(), profile.rules().approvalRequired(),
                profile.rules().trainingRequired(), instrument.illustrative(), Math.round(score * 1000) / 1000.0);
    }

    // --- who manages --------------------------------------------------------------------------

    /** The owning organization's administrators (and ADMIN), or one of the instrument's managers. */
    public boolean canManage(Instrument instrument) {
        return canAdminister(instrument)
                || scope.currentUser().map(user -> instrument.managedBy(user.id())).orElse(false);
    }

    public void requireCanManage(Instrument instrument) {
        if (!canManage(instrument)) {
            throw new org.springframework.security.access.AccessDeniedException("only the instrument's managers and its organization's administrators may do this");
        }
    }

    /** ADMIN, or an ORG_ADMIN whose subtree holds the owning organization. */
    public boolean canAdminister(Instrument instrument) {
        return scope.canEditFacility(instrument.organizationId());
    }

    /** The facilities the signed-in user manages (empty for anyone else). */
    public List<Instrument> managedByMe() {
        return scope.currentUser().map(user -> catalog.managedBy(user.id()).stream().map(this::instrument).toList())
                .orElse(List.of());
    }

    /**
     * The ids of the facilities whose bookings the signed-in user may handle, as {@link #canManage} decides for one:
     * those they manage, those of the organizations they administer, every one for an ADMIN (none for a visitor).
     */
    List<Long> handledByMe() {
        return scope.currentUser().map(user -> catalog.handledBy(user.id(), scope.editableOrganizations())).orElse(List.of());
    }

    /** Whether the signed-in user may handle any facility's bookings: the pages link the bookings to handle only for them. */
    public boolean handlesBookings() {
        return !handledByMe().isEmpty();
    }

    // --- changes ------------------------------------------------------------------------------

    @Transactional
    public Instrument updateProfile(String extId, ProfileChange change) {
        Instrument before = instrument(extId);
        requireCanManage(before);
        FacilityProfile current = before.profile();
        if (change.version() != null && current.stored() && change.version() != current.version()) {
            throw new ConflictException("the profile was changed meanwhile (version " + current.version()
                    + ", yours " + change.version() + "): reload and try again", "facility.conflict.profileChanged");
        }
        FacilityProfile next = merge(current, change);
        catalog.saveProfile(before.id(), next);
        Instrument after = instrument(before.id());
        events.publishEvent(AuditableChange.updated(PROFILE_KIND, extId, snapshot(current), snapshot(after.profile())));
        events.publishEvent(new FacilityProfileChanged(List.of(extId)));
        return after;
    }

    /** Replaces the managers by the accounts of these emails; only the owning organization's administrators. */
    @Transactional
    public Instrument setManagers(String extId, List<String> emails) {
        Instrument before = instrument(extId);
        if (!canAdminister(before)) {
            throw new org.springframework.security.access.AccessDeniedException("only the organization's administrators name managers");
        }
        List<String> wanted = emails == null ? List.of()
                : emails.stream().map(e -> e == null ? "" : e.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        List<CatalogRepository.Account> accounts = catalog.accountsByEmail(wanted);
        for (String email : wanted) {
            CatalogRepository.Account account = accounts.stream().filter(a -> a.email().equals(email)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("managers", "no active account has the email " + email,
                            "facility.error.noAccount", email));
            if (!scope.isAdmin() && !scope.editableOrganizations().includes(account.organizationId())) {
                throw new InvalidInputException("managers", email + " is not in your organization", "facility.error.managersOutside", email);
            }
        }
        catalog.setManagers(before.id(), accounts.stream().map(CatalogRepository.Account::id).toList());
        Instrument after = instrument(before.id());
        events.publishEvent(AuditableChange.updated(MANAGERS_KIND, extId, managerIds(before), managerIds(after)));
        return after;
    }

    private static Map<String, Object> managerIds(Instrument instrument) {
        return Map.of("managers", instrument.managers().stream().map(Instrument.Manager::userId).toList());
    }

    /**
     * Every field of the change that {@link #updateProfile} would refuse, in the order it checks them
     * (it throws the first, which the API's problem details name): so that a page form can mark all of
     * them at once instead of one per round trip. Checks who may manage the instrument; writes nothing.
     */
    public List<InvalidInputException> profileRefusals(String extId, ProfileChange change) {
        Instrument instrument = instrument(extId);
        requireCanManage(instrument);
        return refusals(instrument.profile(), change);
    }

    static List<InvalidInputException> refusals(FacilityProfile current, ProfileChange change) {
        List<InvalidInputException> refusals = new ArrayList<>();
        merge(current, change, refusals);
        return List.copyOf(refusals);
    }

    static FacilityProfile merge(FacilityProfile current, ProfileChange change) {
        List<InvalidInputException> refusals = new ArrayList<>();
        FacilityProfile next = merge(current, change, refusals);
        if (!refusals.isEmpty()) {
            throw refusals.getFirst();
        }
        return next;
    }

    /** The merged profile; each refused field is added to {@code refusals} and keeps its current value meanwhile. */
    private static FacilityProfile merge(FacilityProfile current, ProfileChange change, List<InvalidInputException> refusals) {
        Text location = checked(refusals, current.location(),
                () -> text(current.location(), change.locationZh(), change.locationEn(), "location", 300));
        Text capabilities = checked(refusals, current.capabilities(),
                () -> text(current.capabilities(), change.capabilitiesZh(), change.capabilitiesEn(), "capabilities", 4000));
        String model = checked(refusals, current.model(), () -> plain(current.model(), change.model(), "model", 200));
        String maker = checked(refusals, current.maker(), () -> plain(current.maker(), change.maker(), "maker", 200));
        FeeSchedule fees = current.fees();
        FeeUnit unit = change.feeUnit() == null ? fees.unit() : checked(refusals, fees.unit(), () -> FeeUnit.of(change.feeUnit()));
        BigDecimal internalRate = change.internalRate() == null ? fees.internalRate()
                : checked(refusals, fees.internalRate(), () -> FeeSchedule.rate("internalRate", change.internalRate()));
        BigDecimal externalRate = change.externalRate() == null ? fees.externalRate()
                : checked(refusals, fees.externalRate(), () -> FeeSchedule.rate("externalRate", change.externalRate()));
        BookingRules rules = current.rules();
        OpeningHours hours = change.openingHours() == null ? rules.openingHours()
                : checked(refusals, rules.openingHours(), () -> openingHours(current.rules().openingHours(), change.openingHours()));
        int minMinutes = orElse(change.minMinutes(), rules.minMinutes());
        int maxMinutes = orElse(change.maxMinutes(), rules.maxMinutes());
        int slotMinutes = orElse(change.slotMinutes(), rules.slotMinutes());
        int leadMinutes = orElse(change.leadMinutes(), rules.leadMinutes());
        int horizonDays = orElse(change.horizonDays(), rules.horizonDays());
        List<InvalidInputException> ruleRefusals = BookingRules.refusals(minMinutes, maxMinutes, slotMinutes, leadMinutes, horizonDays, hours);
        refusals.addAll(ruleRefusals);
        if (ruleRefusals.isEmpty()) {
            rules = new BookingRules(minMinutes, maxMinutes, slotMinutes, leadMinutes, horizonDays,
                    change.approvalRequired() == null ? rules.approvalRequired() : change.approvalRequired(),
                    change.trainingRequired() == null ? rules.trainingRequired() : change.trainingRequired(), hours);
        }
        return new FacilityProfile(location, model, maker, capabilities, new FeeSchedule(unit, internalRate, externalRate), rules,
                true, current.version());
    }

    /** The checked value, or, when it is refused, the refusal added to {@code refusals} and {@code kept} instead. */
    private static <T> T checked(List<InvalidInputException> refusals, T kept, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidInputException e) {
            refusals.add(e);
            return kept;
        }
    }

    /**
     * The week after a change of the days it names: a day given with hours opens then, a day given
     * as {@code null} (or without an opening time) is closed, a day left out keeps its hours, as
     * every field the profile's change leaves out keeps its value. A body that names one day cannot
     * close the other six.
     */
    static OpeningHours openingHours(OpeningHours current, Map<String, ProfileChange.DayHours> week) {
        Map<DayOfWeek, OpeningHours.Hours> days = new EnumMap<>(DayOfWeek.class);
        days.putAll(current.days());
        week.forEach((name, hours) -> {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("openingHours", "unknown weekday " + name + "; monday … sunday",
                        "facility.error.openingHours");
            }
            if (hours != null && hours.opens() != null && !hours.opens().isBlank()) {
                try {
                    days.put(day, OpeningHours.Hours.of(hours.opens(), hours.closes()));
                } catch (InvalidInputException e) {
                    // a body naming several days says which one is wrong
                    throw new InvalidInputException(e.field(), day.name().toLowerCase(Locale.ROOT) + ": " + e.getMessage(), e.key(), e.args());
                }
            } else {
                days.remove(day);
            }
        });
        return new OpeningHours(days);
    }

    private static Text text(Text current, String zh, String en, String field, int max) {
        if (zh == null && en == null) {
            return current;
        }
        String newZh = zh != null ? zh : current == null ? null : current.zh();
        String newEn = en != null ? en : current == null ? null : current.en();
        limit(newZh, field, max);
        limit(newEn, field, max);
        return Text.ofNullable(newZh, newEn);
    }

    private static String plain(String current, String value, String field, int max) {
        if (value == null) {
            return current;
        }
        limit(value, field, max);
        return value.isBlank() ? null : value.strip();
    }

    private static void limit(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, field + " is at most " + max + " characters", "facility.error.tooLong", max);
        }
    }

    private static int orElse(Integer value, int current) {
        return value == null ? current : value;
    }

    /** What the audit trail keeps of a profile. */
    static Map<String, Object> snapshot(FacilityProfile profile) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("location", profile.location() == null ? null : profile.location().both());
        snapshot.put("model", profile.model());
        snapshot.put("maker", profile.maker());
        snapshot.put("capabilities", profile.capabilities() == null ? null : profile.capabilities().both());
        snapshot.put("feeUnit", profile.fees().unit().code());
        snapshot.put("internalRate", profile.fees().internalRate().toPlainString());
        snapshot.put("externalRate", profile.fees().externalRate().toPlainString());
        BookingRules rules = profile.rules();
        snapshot.put("minMinutes", rules.minMinutes());
        snapshot.put("maxMinutes", rules.maxMinutes());
        snapshot.put("slotMinutes", rules.slotMinutes());
        snapshot.put("leadMinutes", rules.leadMinutes());
        snapshot.put("horizonDays", rules.horizonDays());
        snapshot.put("approvalRequired", rules.approvalRequired());
        snapshot.put("trainingRequired", rules.trainingRequired());
        Map<String, String> hours = new LinkedHashMap<>();
        rules.openingHours().days().forEach((day, h) -> hours.put(day.name().toLowerCase(Locale.ROOT), h.opensText() + "-" + h.closesText()));
        snapshot.put("openingHours", hours);
        return snapshot;
    }

    CurrentUser requireSignedIn() {
        return scope.requireSignedIn();
    }
}
