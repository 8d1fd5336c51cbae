package org.triplehelix.matching.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexMaintenance;
import org.triplehelix.matching.IndexStats;
import org.triplehelix.matching.IndexStatus;
import org.triplehelix.matching.MatchService;
import org.triplehelix.matching.embedding.EmbeddingProperties;

/**
 * The server stopping while the worker embeds a batch: the worker tells the step to stop (it ends after
 * the text in progress, IndexMaintenanceStopTests), commits what was written, loads nothing more, and
 * says in one line what is left, rather than computing the batch to its end.
 */
class EmbeddingWorkerStopTests {

    @Test
    @SuppressWarnings("unchecked")
    void stoppingDuringABatchTellsTheStepToStopAndLoadsNoModel() throws InterruptedException {
        IndexMaintenance maintenance = mock(IndexMaintenance.class);
        MatchService matching = mock(MatchService.class);
        CountDownLatch embedding = new CountDownLatch(1);
        AtomicBoolean sawTheStop = new AtomicBoolean();
        // a batch that would take a minute, text by text, unless told to stop between two texts
        when(maintenance.embedPending(anyInt(), any(), any())).thenAnswer(call -> {
            BooleanSupplier stop = call.getArgument(2);
            embedding.countDown();
            for (int text = 0; text < 600; text++) {
                if (stop.getAsBoolean()) {
                    sawTheStop.set(true);
                    return 32;
                }
                Thread.sleep(100);
            }
            return 32;
        });
        when(maintenance.status()).thenReturn(new IndexStatus(new IndexStats(Map.of(EntityKind.OUTPUT, 40L), 40, 10, "stamp"),
                Map.of(EntityKind.OUTPUT, 40L), false, false, 10, "model"));
        EmbeddingWorker worker = new EmbeddingWorker(maintenance, new EmbeddingProperties(1, true, false, 256), matching,
                mock(ObjectProvider.class));
        worker.ready();
        assertThat(embedding.await(30, TimeUnit.SECONDS)).as("a batch is being embedded").isTrue();

        worker.stop();

        assertThat(sawTheStop).as("the batch was told to stop, not waited for to its end").isTrue();
        assertThat(worker.isRunning()).isFalse();
        verify(maintenance, times(1)).embedPending(anyInt(), any(), any()); // no batch after the stop
        verify(matching, times(1)).warmUp(anyInt()); // the start's warm-up only: no model loaded on the way out
        verify(maintenance).commit(); // what the step wrote, whole vectors only
    }

    @Test
    @SuppressWarnings("unchecked")
    void stoppedBeforeTheWarmUpLoadsNoModel() throws InterruptedException {
        IndexMaintenance maintenance = mock(IndexMaintenance.class);
        MatchService matching = mock(MatchService.class);
        CountDownLatch catchingUp = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        org.mockito.Mockito.doAnswer(call -> {
            catchingUp.countDown();
            release.await(30, TimeUnit.SECONDS);
            return null;
        }).when(maintenance).catchUpLexical(any());
        EmbeddingWorker worker = new EmbeddingWorker(maintenance, new EmbeddingProperties(1, true, false, 256), matching,
                mock(ObjectProvider.class));
        worker.ready();
        assertThat(catchingUp.await(30, TimeUnit.SECONDS)).isTrue();
        Thread stopping = Thread.ofPlatform().start(worker::stop);
        while (worker.isRunning()) {
            Thread.sleep(10);
        }
        release.countDown(); // the catch-up ends after the stop has begun
        stopping.join(TimeUnit.SECONDS.toMillis(60));

        verify(matching, never()).warmUp(anyInt());
        verify(maintenance, never()).embedPending(anyInt(), any(), any());
    }
}
