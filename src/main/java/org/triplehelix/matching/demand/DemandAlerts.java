package org.triplehelix.matching.demand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.triplehelix.access.OrganizationMembers;
import org.triplehelix.access.PersonAccounts;
import org.triplehelix.matching.Demand;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.MatchHit;
import org.triplehelix.matching.MatchRequest;
import org.triplehelix.matching.MatchService;
import org.triplehelix.matching.SearchFilter;
import org.triplehelix.matching.SearchIndex;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.Text;
import org.triplehelix.shared.UserNotice;

/**
 * Demand alerts: when a demand is open and visible to every signed-in user ({@code public} or
 * {@code signed_in}; never one shown to its parties only, never a closed one), the experts and
 * laboratories that fit it are told, once. Who fits is what the demand's page shows as "who could
 * solve it" — the same {@link MatchService} ranking, the same first {@link #WINDOW} hits — cut to the
 * first {@code helix.matching.alerts.persons} people and {@code .organizations} organizations whose
 * evidence passes {@link AlertEvidence}'s bar. The people's linked user accounts and the users who act for
 * the organizations get one {@link UserNotice} with the demand's title and a link to it.
 *
 * <p>Left out: the demand's own organization (as a hit, and its people), the author, and the users who
 * act for the demand's organization or the author's. The organizations are resolved to their users here,
 * not at delivery, because a notice can leave out only its actor and the author's colleagues must not be
 * told of their own demand (a parent organization's administrator acts for both).
 *
 * <p>Once: the demand's {@code alerted_at} is set in the same transaction as the notice is published,
 * by a conditional update, so an edit, a reopening or a repeated event tells nobody again, and two
 * listeners racing on one demand publish one notice. Imported demands (an import is a bulk load, not a
 * posting) are never announced; a demand shown to its parties only is announced when it is made public.
 *
 * <p>Called by {@link DemandListener} after the demand was indexed, in that listener's transaction:
 * after the posting request's commit, on another thread, so the web request never waits for the ranking.
 * When the semantic index is not ready (or embeddings are off) the ranking is lexical for the documents
 * without a vector and the bar takes lexical evidence alone.
 */
@Component
class DemandAlerts {

    /** The hits looked at: those the demand's page shows (MatchPages.HITS). */
    static final int WINDOW = 20;
    static final String MESSAGE = "notification.demand.fits";

    private static final Logger log = LoggerFactory.getLogger(DemandAlerts.class);

    private final DemandRepository demands;
    private final MatchService matching;
    private final AlertEvidence evidence;
    private final PersonAccounts accounts;
    private final OrganizationMembers members;
    private final ApplicationEventPublisher events;
    private final AlertProperties properties;

    DemandAlerts(DemandRepository demands, MatchService matching, SearchIndex index, PersonAccounts accounts,
                 OrganizationMembers members, ApplicationEventPublisher events, AlertProperties properties) {
        this.demands = demands;
        this.matching = matching;
        this.evidence = new AlertEvidence(index, properties);
        this.accounts = accounts;
        this.members = members;
        this.events = events;
        this.properties = properties;
    }

    /** Tells those who fit the demand, if it is open, visible and not announced yet; else nothing. */
    void alert(String extId) {
        if (!properties.enabled()) {
            return;
        }
        Optional<Demand> found = demands.find(extId);
        if (found.isEmpty() || !announceable(found.get()) || demands.alerted(extId)) {
            return;
        }
        Demand demand = found.get();
        List<String> persons = fitting(demand, EntityKind.PERSON, properties.persons());
        List<String> organizations = fitting(demand, EntityKind.ORGANIZATION, properties.organizations());
        Optional<PersonAccounts.Holder> author = accounts.byEmail(demand.createdBy());
        Set<Long> recipients = new TreeSet<>(accounts.activeUserIds(persons));
        recipients.addAll(members.activeUserIds(organizations));
        recipients.removeAll(members.activeUserIds(Stream.of(demand.organization(),
                author.map(PersonAccounts.Holder::organizationExtId).orElse(null)).filter(Objects::nonNull).distinct().toList()));
        author.ifPresent(a -> recipients.remove(a.userId()));
        if (!demands.markAlerted(extId)) {
            return; // announced meanwhile by another delivery of an event of this demand
        }
        if (!recipients.isEmpty()) {
            events.publishEvent(UserNotice.toUsers(author.map(PersonAccounts.Holder::userId).orElse(null), recipients, MESSAGE,
                    "/demands/" + extId, new Text(demand.titleZh(), demand.titleEn())));
        }
        Map<String, Object> told = new LinkedHashMap<>();
        told.put("persons", persons);
        told.put("organizations", organizations);
        told.put("users", recipients.size());
        events.publishEvent(new AuditableChange("alert", "demand", extId, null, told));
        log.debug("demand {} announced to {} users (people {}, organizations {})", extId, recipients.size(), persons, organizations);
    }

    /** Open, for every signed-in user, and posted by someone (not imported). */
    static boolean announceable(Demand demand) {
        return demand.open() && (demand.visibility() == Demand.Visibility.PUBLIC || demand.visibility() == Demand.Visibility.SIGNED_IN)
                && !"import".equals(demand.createdBy());
    }

    /** The first {@code limit} hits of the demand's ranking with real evidence, the demand's own organization left out. */
    private List<String> fitting(Demand demand, EntityKind target, int limit) {
        if (limit == 0) {
            return List.of();
        }
        String text = demand.matchText();
        MatchRequest request = new MatchRequest(text.length() > 10_000 ? text.substring(0, 10_000) : text, target, WINDOW,
                SearchFilter.NONE, false);
        List<String> fitting = new ArrayList<>();
        for (MatchHit hit : matching.match(request).hits()) {
            if (fitting.size() == limit) {
                break;
            }
            if (!ownOrganization(demand, hit) && evidence.fits(demand, hit)) {
                fitting.add(hit.extId());
            }
        }
        return fitting;
    }

    private static boolean ownOrganization(Demand demand, MatchHit hit) {
        if (demand.organization() == null) {
            return false;
        }
        String organization = hit.kind() == EntityKind.ORGANIZATION ? hit.extId()
                : hit.reasons().organization() == null ? null : hit.reasons().organization().extId();
        return demand.organization().equals(organization);
    }
}
