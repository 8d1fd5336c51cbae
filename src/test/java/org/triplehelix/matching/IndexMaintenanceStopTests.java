package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triplehelix.matching.embedding.Embeddings;
import org.triplehelix.matching.lucene.LuceneSearchIndex;

/**
 * The server stopping while the semantic index fills in (docs/matching.md, Embeddings): the embedding step
 * ends after the text in progress instead of computing the rest of its batch, writes the vectors it has
 * whole, and leaves the other documents pending for the next start, even when the model fails for every
 * text once the stop has come (ONNX Runtime closes its environment at JVM exit).
 */
class IndexMaintenanceStopTests {

    @TempDir
    Path directory;

    /** A model stub: each text embedded is recorded; {@code onCall} runs before it returns (or throws). */
    private static Embeddings model(List<String> embedded, Runnable onCall, boolean failOnceStopped, AtomicBoolean stop) {
        Embeddings embeddings = mock(Embeddings.class);
        when(embeddings.enabled()).thenReturn(true);
        when(embeddings.cached(anyCollection())).thenReturn(Map.of());
        when(embeddings.embed(anyCollection())).thenAnswer(call -> {
            String text = ((Collection<String>) call.getArgument(0)).iterator().next();
            if (failOnceStopped && stop.get()) {
                embedded.add(text);
                throw new IllegalStateException("Error code - ORT_FAIL - message: the environment is closed");
            }
            embedded.add(text);
            onCall.run();
            float[] vector = new float[512];
            vector[embedded.size() % 512] = 1;
            return Map.of(text, vector);
        });
        return embeddings;
    }

    @Test
    void aStopDuringABatchEndsItAfterTheTextInProgressAndLeavesTheRestPending() {
        AtomicBoolean stop = new AtomicBoolean();
        List<String> embedded = new ArrayList<>();
        // the stop comes while the second text is computed
        Embeddings embeddings = model(embedded, () -> stop.set(embedded.size() == 2), false, stop);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (LuceneSearchIndex index = FixtureIndex.open(directory, false)) {
            IndexMaintenance maintenance = new IndexMaintenance(index, List.of(), embeddings, null);
            IndexStats before = index.stats();
            assertThat(before.pendingVectors()).as("the fixture's documents wait for their vectors").isGreaterThan(10);

            int step = maintenance.embedPending(64, pool, stop::get);

            assertThat(step).as("the step ended").isPositive();
            assertThat(embedded).as("no text begun after the stop: the batch was not finished").hasSize(2);
            IndexStats after = index.stats();
            assertThat(after.withVector()).as("the two vectors computed, written whole").isEqualTo(before.withVector() + 2);
            assertThat(after.embeddable()).as("no document gave up its vector for the stop").isEqualTo(before.embeddable());
            assertThat(index.missingVectors(1000)).as("the rest left for the next start").hasSize((int) before.pendingVectors() - 2);
            assertThat(maintenance.embedPending(64, pool, stop::get)).as("stopped: no step begins").isZero();
            assertThat(embedded).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theModelFailingOnceTheStopHasComeIsNeitherARefusalNorLogged() {
        AtomicBoolean stop = new AtomicBoolean();
        List<String> embedded = new ArrayList<>();
        // every text fails once the stop has come, as ONNX Runtime does once its shutdown hook closed it; the
        // stop is seen only through the failure here, which happens before the step checks it again
        Embeddings embeddings = model(embedded, () -> stop.set(embedded.size() == 3), true, stop);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (LuceneSearchIndex index = FixtureIndex.open(directory, false)) {
            IndexMaintenance maintenance = new IndexMaintenance(index, List.of(), embeddings, null);
            IndexStats before = index.stats();

            maintenance.embedPending(64, pool, () -> stop.get() && embedded.size() > 3);

            IndexStats after = index.stats();
            assertThat(embedded).as("three computed, one failed for the stop, then none begun").hasSize(4);
            assertThat(after.withVector()).isEqualTo(before.withVector() + 3);
            assertThat(after.embeddable()).as("the text that failed for the stop stays to compute").isEqualTo(before.embeddable());
            assertThat(after.pendingVectors()).isEqualTo(before.pendingVectors() - 3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTextTheModelRefusesWhileRunningGivesUpItsVectorAsBefore() {
        AtomicBoolean stop = new AtomicBoolean();
        List<String> embedded = new ArrayList<>();
        Embeddings embeddings = mock(Embeddings.class);
        when(embeddings.enabled()).thenReturn(true);
        when(embeddings.cached(anyCollection())).thenReturn(Map.of());
        when(embeddings.embed(anyCollection())).thenAnswer(call -> {
            embedded.add(((Collection<String>) call.getArgument(0)).iterator().next());
            throw new IllegalStateException("the model refuses this text");
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (LuceneSearchIndex index = FixtureIndex.open(directory, false)) {
            IndexMaintenance maintenance = new IndexMaintenance(index, List.of(), embeddings, null);
            long pending = index.stats().pendingVectors();

            maintenance.embedPending(1000, pool, stop::get);

            assertThat(index.stats().pendingVectors()).as("not stopping: every refused text gave up its vector").isZero();
            assertThat(embedded).hasSizeGreaterThan(0).hasSizeLessThanOrEqualTo((int) pending);
        } finally {
            pool.shutdownNow();
        }
    }
}
