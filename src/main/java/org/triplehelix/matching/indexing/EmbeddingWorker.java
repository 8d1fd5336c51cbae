package org.triplehelix.matching.indexing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;
import org.triplehelix.facility.FacilityProfileChanged;
import org.triplehelix.matching.DemandService;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexMaintenance;
import org.triplehelix.matching.MatchService;
import org.triplehelix.matching.embedding.EmbeddingProperties;
import org.triplehelix.matching.embedding.EmbeddingStopped;
import org.triplehelix.matching.embedding.JvmShutdown;
import org.triplehelix.registry.RegistryChanged;
import org.triplehelix.shared.Counts;

/**
 * In the web platform, brings the index up to date once it has started, warms matching up (loads the
 * embedding model for queries and runs a few matches, so that the first match after a restart does not
 * wait for what a process does once), then computes the missing
 * embeddings in the background: {@code helix.embedding.threads} threads (1 by default) at the lowest
 * priority, each embedding on one core, so that pages stay fast while the semantic index fills in.
 * Lexical matching works meanwhile. Commands on the command line do this in the foreground instead.
 * Stopped (the server's end), the threads end after the text each is computing; the documents whose
 * vector was not computed stay pending for the next start.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "helix.embedding.background", havingValue = "true", matchIfMissing = true)
public class EmbeddingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingWorker.class);
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(30);

    private static final Duration RESUBMIT_EVERY = Duration.ofMinutes(1);
    /**
     * Warm-up matches of each target at start-up (MatchService#warmUp). The JIT compiles Lucene's vector code
     * after enough calls, whatever the machine's speed: with {@code -XX:+PrintCompilation} the last of its dot
     * products reached C2 near the end of the ten rounds on the demo (docs/matching.md, First match after a restart).
     */
    static final int WARM_UP_ROUNDS = 10;

    private final IndexMaintenance maintenance;
    private final EmbeddingProperties properties;
    private final MatchService matching;
    private final IncompleteEventPublications incomplete;
    private final Semaphore signal = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread thread;
    private ExecutorService pool;

    EmbeddingWorker(IndexMaintenance maintenance, EmbeddingProperties properties, MatchService matching,
                    ObjectProvider<IncompleteEventPublications> incomplete) {
        this.maintenance = maintenance;
        this.properties = properties;
        this.matching = matching;
        this.incomplete = incomplete.getIfAvailable();
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        int threads = Math.max(1, properties.threads());
        pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("embedding-", 0).daemon().priority(Thread.MIN_PRIORITY).factory());
        thread = Thread.ofPlatform().name("index-maintenance").daemon().priority(Thread.MIN_PRIORITY).start(this::loop);
    }

    /** Something changed: look for missing embeddings now rather than at the next poll. */
    public void wake() {
        signal.release();
    }

    private void loop() {
        try {
            maintenance.catchUpLexical(org.triplehelix.matching.Progress.NONE);
        } catch (RuntimeException e) {
            log.error("Could not bring the search index up to date", e);
        }
        boolean warmed = stopping() || warmUp();
        boolean embeddedSince = false;
        long lastCommit = System.nanoTime();
        long lastResubmit = System.nanoTime();
        while (!stopping()) {
            try {
                if (System.nanoTime() - lastResubmit > RESUBMIT_EVERY.toNanos()) {
                    resubmitMissedChanges();
                    lastResubmit = System.nanoTime();
                }
                int done = properties.enabled()
                        ? maintenance.embedPending(32 * Math.max(1, properties.threads()), pool, () -> !running.get()) : 0;
                if (stopping()) {
                    break; // the step ended early: what it wrote is committed below, the rest is left pending
                }
                if (done > 0 && System.nanoTime() - lastCommit > COMMIT_EVERY.toNanos()) {
                    maintenance.commit();
                    lastCommit = System.nanoTime();
                }
                embeddedSince |= done > 0;
                if (done == 0) {
                    maintenance.commit();
                    lastCommit = System.nanoTime();
                    if (!warmed && embeddedSince) {
                        // the first warm-up found nothing (a first start: the demo loads beside it); records have come since
                        warmed = warmUp();
                        embeddedSince = false;
                    }
                    signal.tryAcquire(10, TimeUnit.SECONDS);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopping()) {
                    break; // the failure is the stop's doing (the model closes at JVM exit): nothing to tell
                }
                log.warn("Embedding in the background failed, retrying in a minute: {}", e.getMessage());
                pause(Duration.ofMinutes(1));
            }
        }
        stopped();
    }

    /**
     * Stopped while the semantic index was filling in: commits what was written (whole vectors only) and
     * says in one line what is left, which the next start computes.
     */
    private void stopped() {
        try {
            maintenance.commit();
            long left = properties.enabled() ? maintenance.status().index().pendingVectors() : 0;
            if (left > 0) {
                log.info("Embedding stopped: {} left to compute at the next start", Counts.of(left, "vector"));
            }
        } catch (RuntimeException e) {
            log.debug("Could not commit the embeddings on stopping", e);
        }
    }

    /**
     * Loads the model for queries and runs a few matches (MatchService#warmUp) here rather than on the
     * first users' matches, for which someone waits. After the catch-up, so that they search the index
     * as it is now; a failure is logged and costs only the first users' time. Whether the matches found
     * anything: over an empty index (a first start, the demo still loading) they warm little of the search,
     * and the worker warms up once more when records have been indexed since.
     */
    private boolean warmUp() {
        if (stopping()) {
            return true; // the model is not loaded, nor matches run, for nothing
        }
        try {
            long started = System.nanoTime();
            int hits = matching.warmUp(WARM_UP_ROUNDS);
            log.info("Matching warmed up: {} matches, {} hits, in {} ms", WARM_UP_ROUNDS * EntityKind.values().length, hits,
                    (System.nanoTime() - started) / 1_000_000);
            return hits > 0;
        } catch (RuntimeException e) {
            if (stopping() || e instanceof EmbeddingStopped) {
                return true; // stopped meanwhile
            }
            log.warn("Could not warm up matching (the first matches will be slower): {}", e.getMessage());
            return true; // not tried again: it would fail again
        }
    }

    /**
     * Change events whose listener failed (the index was held by another process: a command run next
     * to this server) are tried again: the registry's, a facility's profile and a demand, each of
     * which only the index listens to (and insight, to the registry's).
     */
    private void resubmitMissedChanges() {
        if (incomplete != null) {
            Instant before = Instant.now().minus(RESUBMIT_EVERY);
            incomplete.resubmitIncompletePublications(p -> (p.getEvent() instanceof RegistryChanged
                    || p.getEvent() instanceof FacilityProfileChanged || p.getEvent() instanceof DemandService.DemandChanged)
                    && p.getPublicationDate().isBefore(before));
        }
    }

    /**
     * Stopped by Spring ({@link #stop()}), or the JVM shutting down: Spring's shutdown hook first lets the
     * asynchronous listeners finish (AsyncListenersDrain), which may take seconds, while ONNX Runtime's own
     * hook closes the model at once; the worker ends as soon as the shutdown begins.
     */
    private boolean stopping() {
        return !running.get() || JvmShutdown.begun();
    }

    /** Waits before trying again; a stop ends the wait (a change, which wakes the worker, does not). */
    private void pause(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        try {
            while (!stopping() && System.nanoTime() < until) {
                signal.tryAcquire(Math.min(until - System.nanoTime(), TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
            }
            signal.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @Override
    public void start() {
        // started by ApplicationReadyEvent, once the web server answers
    }

    @Override
    public void stop() {
        // no interrupt: Lucene closes its files when a thread is interrupted in the middle of I/O; the embedding
        // threads see the flag between two texts, and a step cut short leaves the rest pending for the next start
        running.set(false);
        signal.release();
        Thread current = thread;
        if (current != null) {
            try {
                current.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pool != null) {
            pool.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // stopped before the index and the database close
    }
}
