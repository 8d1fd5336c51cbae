package org.triplehelix.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.triplehelix.matching.IndexMaintenance;
import org.triplehelix.matching.MatchService;
import org.triplehelix.matching.Progress;
import org.triplehelix.matching.embedding.EmbeddingProperties;

/**
 * The start-up warm-up runs once the server is ready, behind it: the ready event returns (the server answers)
 * while the warm-up still runs, on the background thread, after the index has caught up.
 */
class EmbeddingWorkerWarmUpTests {

    @Test
    @SuppressWarnings("unchecked")
    void theWarmUpRunsInTheBackgroundAfterTheCatchUpAndDoesNotHoldUpTheStart() throws InterruptedException {
        IndexMaintenance maintenance = mock(IndexMaintenance.class);
        MatchService matching = mock(MatchService.class);
        CountDownLatch warmingUp = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> warmedOn = new AtomicReference<>();
        when(matching.warmUp(anyInt())).thenAnswer(call -> {
            warmedOn.set(Thread.currentThread().getName());
            warmingUp.countDown();
            release.await(30, TimeUnit.SECONDS);
            return 0;
        });
        EmbeddingWorker worker = new EmbeddingWorker(maintenance, new EmbeddingProperties(1, false, false, 256), matching,
                mock(ObjectProvider.class));
        try {
            worker.ready(); // what ApplicationReadyEvent runs: it returns while the warm-up is blocked

            assertThat(warmingUp.await(30, TimeUnit.SECONDS)).as("the warm-up started").isTrue();
            assertThat(release.getCount()).as("the warm-up is still running").isEqualTo(1);
            assertThat(warmedOn.get()).isEqualTo("index-maintenance").isNotEqualTo(Thread.currentThread().getName());
            InOrder order = inOrder(maintenance, matching);
            order.verify(maintenance).catchUpLexical(any(Progress.class));
            order.verify(matching).warmUp(EmbeddingWorker.WARM_UP_ROUNDS);
        } finally {
            release.countDown();
            worker.stop();
        }
    }

    /** A first start: the index is empty when the worker starts (the demo loads beside it), so it warms up again once records came in. */
    @Test
    @SuppressWarnings("unchecked")
    void aWarmUpThatFoundNothingRunsOnceMoreWhenRecordsHaveBeenIndexedSince() throws InterruptedException {
        IndexMaintenance maintenance = mock(IndexMaintenance.class);
        MatchService matching = mock(MatchService.class);
        CountDownLatch second = new CountDownLatch(2);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        when(matching.warmUp(anyInt())).thenAnswer(call -> {
            second.countDown();
            return calls.incrementAndGet() == 1 ? 0 : 610; // nothing indexed yet, then the demo
        });
        // the demo's vectors: one batch embedded after the first warm-up, then nothing pending
        when(maintenance.embedPending(anyInt(), any(), any())).thenReturn(32, 0);
        EmbeddingWorker worker = new EmbeddingWorker(maintenance, new EmbeddingProperties(1, true, false, 256), matching,
                mock(ObjectProvider.class));
        try {
            worker.ready();
            assertThat(second.await(30, TimeUnit.SECONDS)).as("warmed up a second time").isTrue();
            worker.wake();
            Thread.sleep(300); // idle passes after the second warm-up: it found hits, so no third one
            assertThat(calls.get()).isEqualTo(2);
        } finally {
            worker.stop();
        }
    }
}
