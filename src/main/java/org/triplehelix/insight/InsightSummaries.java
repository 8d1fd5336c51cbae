package org.triplehelix.insight;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.WebApplicationContext;
import org.triplehelix.registry.RegistryChanged;
import org.triplehelix.shared.AuditableChange;

/**
 * Keeps the summaries of every declared indicator fresh: runs each statement into
 * {@code insight_fact} (region resolved to prefecture and province, industry group filled in),
 * groups the facts into {@code insight_cube}, and rebuilds the collaboration links (shared outputs
 * and every {@link LinkCatalog declared kind}, such as challenge consortia); all in SQL,
 * one transaction per indicator, so readers see either the old or the new rows, never a mix.
 *
 * <p>When: at start-up, and after any change the platform announces (every write publishes
 * {@link AuditableChange}, the registry {@link RegistryChanged}): the refresh waits until changes
 * have been quiet for {@code helix.insight.refresh-delay} (default 3 s), but never more than
 * {@code helix.insight.refresh-max-delay} (30 s) after the first one, so an import of many batches
 * causes a few refreshes, not thousands. The listener is in-memory on purpose: a refresh lost with
 * the process is redone by the next start-up's refresh. Only the web platform refreshes by itself:
 * a command ({@code helix import}, {@code helix export} …) leaves the summaries to the next
 * {@code helix serve}, which rebuilds them at start-up.
 */
@Service
public class InsightSummaries {

    private static final Logger log = LoggerFactory.getLogger(InsightSummaries.class);

    private static final String FACTS = """
            insert into insight_fact (indicator, record_id, record_kind, label_zh, label_en, href, region_code, prefecture_code,
                                      province_code, tier, industry_code, industry_group, year, category, weight, illustrative)
            select :code, q.record_id::text, q.record_kind::text, q.label_zh::text, q.label_en::text, q.href::text, q.region_code::text,
                   case r.level when 'prefecture' then r.code when 'district' then r.parent_code end,
                   case r.level when 'province' then r.code when 'prefecture' then r.parent_code when 'district' then p.parent_code
                        else case when q.region_code::text ~ '^[1-9][0-9]{5}$' then substr(q.region_code::text, 1, 2) || '0000' end end,
                   q.tier::text, q.industry_code::text, coalesce(q.industry_group::text, i.industry_group), q.year::integer,
                   q.category::text, coalesce(q.weight::numeric, 1), %s
            from (%s) q
            left join region r on r.code = q.region_code::text
            left join region p on p.code = r.parent_code
            left join industry i on i.code = q.industry_code::text
            """;

    private static final String CUBE = """
            insert into insight_cube (indicator, prefecture_code, province_code, tier, industry_code, industry_group, year, category, records, total)
            select indicator, prefecture_code, province_code, tier, industry_code, industry_group, year, category, count(*), sum(weight)
            from insight_fact where indicator = :code
            group by indicator, prefecture_code, province_code, tier, industry_code, industry_group, year, category
            """;

    private static final String LINKS = """
            insert into insight_link (source_id, target_id, kind, records)
            select least(q.source_id, q.target_id), greatest(q.source_id, q.target_id), :kind, count(*)
            from (%s) q
            where q.source_id is not null and q.target_id is not null and q.source_id <> q.target_id
            group by 1, 2
            """;

    private static final String SHARED_OUTPUTS = """
            select a.organization_id as source_id, b.organization_id as target_id
            from output_organization a
            join output_organization b on b.output_id = a.output_id and b.organization_id > a.organization_id
            """;


    private final IndicatorCatalog catalog;
    private final LinkCatalog links;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration delay;
    private final Duration maxDelay;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "insight-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong version = new AtomicLong();
    private final boolean automatic;
    private final Object refreshing = new Object();
    private ScheduledFuture<?> pending;
    private Instant firstRequest;

    InsightSummaries(IndicatorCatalog catalog, LinkCatalog links, JdbcClient jdbc, TransactionTemplate transactions, ApplicationContext context,
                     @Value("${helix.insight.refresh-delay:3s}") Duration delay,
                     @Value("${helix.insight.refresh-max-delay:30s}") Duration maxDelay) {
        this.catalog = catalog;
        this.links = links;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.delay = delay;
        this.maxDelay = maxDelay;
        this.automatic = context instanceof WebApplicationContext;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        requestRefresh();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AuditableChange change) {
        requestRefresh();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RegistryChanged change) {
        requestRefresh();
    }

    /** Schedules a refresh after the quiet delay (postponing a pending one, up to the maximum delay). */
    public synchronized void requestRefresh() {
        if (!automatic) {
            return;
        }
        Instant now = Instant.now();
        if (pending != null) { // scheduled, not started (a started refresh clears it, so a change during it schedules the next)
            if (Duration.between(firstRequest, now).compareTo(maxDelay) >= 0) {
                return; // keep the pending one: it runs soon enough
            }
            pending.cancel(false);
        } else {
            firstRequest = now;
        }
        pending = scheduler.schedule(this::refreshQuietly, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Rebuilds every indicator's summaries and the links now, in the caller's thread. */
    public RefreshReport refreshNow() {
        synchronized (refreshing) { // one refresh at a time; requests for the next are not held up meanwhile
            return refreshAll();
        }
    }

    private RefreshReport refreshAll() {
        long started = System.nanoTime();
        int failed = 0;
        for (Indicator indicator : catalog.all()) {
            failed += refresh(indicator) ? 0 : 1;
        }
        failed += refreshLinks() ? 0 : 1;
        version.incrementAndGet();
        return new RefreshReport(catalog.all().size(), failed, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Rebuilds the network's links: shared outputs and every declared kind, in one transaction. */
    private boolean refreshLinks() {
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("delete from insight_link").update();
                jdbc.sql(LINKS.formatted(SHARED_OUTPUTS)).param("kind", LinkCatalog.OUTPUTS).update();
                for (LinkCatalog.LinkKind kind : links.all()) {
                    jdbc.sql(LINKS.formatted(kind.statement())).param("kind", kind.code()).update();
                }
            });
            return true;
        } catch (DataAccessException e) {
            log.warn("The collaboration links could not be refreshed: {}", e.getMostSpecificCause().getMessage());
            return false;
        }
    }

    /** What a refresh did. */
    public record RefreshReport(int indicators, int failed, Duration elapsed) {
    }

    /** Incremented after every refresh (for caches of derived documents such as the briefings). */
    public long version() {
        return version.get();
    }

    private void refreshQuietly() {
        synchronized (this) {
            pending = null;
        }
        try {
            RefreshReport report = refreshNow();
            log.debug("Insight summaries refreshed: {}", report);
        } catch (RuntimeException e) {
            log.warn("Insight summaries could not be refreshed: {}", e.toString());
        }
    }

    private boolean refresh(Indicator indicator) {
        long started = System.nanoTime();
        try {
            long records = transactions.execute(status -> {
                jdbc.sql("delete from insight_fact where indicator = :code").param("code", indicator.code()).update();
                int inserted = jdbc.sql(FACTS.formatted(
                        indicator.marksIllustrative() ? "coalesce(q.illustrative::boolean, false)" : "false", indicator.statement())).param("code", indicator.code()).update();
                jdbc.sql("delete from insight_cube where indicator = :code").param("code", indicator.code()).update();
                jdbc.sql(CUBE).param("code", indicator.code()).update();
                return (long) inserted;
            });
            record(indicator, records, started, null);
            return true;
        } catch (DataAccessException e) {
            String reason = e.getMostSpecificCause().getMessage();
            log.warn("Indicator {} ({}) could not be refreshed: {}", indicator.code(), indicator.source(), reason);
            record(indicator, 0, started, reason == null ? e.toString() : reason);
            return false;
        }
    }

    private void record(Indicator indicator, long records, long started, String error) {
        jdbc.sql("""
                insert into insight_refresh (indicator, refreshed_at, records, millis, error) values (:code, now(), :records, :millis, :error)
                on conflict (indicator) do update set refreshed_at = excluded.refreshed_at, records = excluded.records,
                    millis = excluded.millis, error = excluded.error
                """).param("code", indicator.code()).param("records", records)
                .param("millis", (System.nanoTime() - started) / 1_000_000).param("error", error).update();
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
