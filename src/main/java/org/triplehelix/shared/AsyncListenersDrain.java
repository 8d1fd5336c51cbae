package org.triplehelix.shared;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * When the application closes, lets the asynchronous listeners already started or queued (the
 * index following an import's changes, notifications) finish while the database and the index are
 * still open. Without it a command that ends right after its changes — {@code helix import} — closes
 * the pool and the index under those listeners, which fail half-way and are republished on the next
 * start. The context-closed event comes before any bean is stopped or destroyed.
 */
@Component
class AsyncListenersDrain implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(AsyncListenersDrain.class);

    private final ApplicationContext context;
    private final ObjectProvider<ThreadPoolTaskExecutor> executors;
    private final Duration patience;

    AsyncListenersDrain(ApplicationContext context, ObjectProvider<ThreadPoolTaskExecutor> executors,
            @Value("${helix.shutdown.listeners-wait:2m}") Duration patience) {
        this.context = context;
        this.executors = executors;
        this.patience = patience;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() != context) {
            return; // a child context closing
        }
        executors.orderedStream().forEach(this::drain);
    }

    private void drain(ThreadPoolTaskExecutor executor) {
        ThreadPoolExecutor pool;
        try {
            pool = executor.getThreadPoolExecutor();
        } catch (IllegalStateException notInitialized) {
            return;
        }
        pool.shutdown(); // no new tasks; the queued ones still run
        try {
            if (!pool.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} asynchronous tasks still running after {}; they are republished on the next start",
                        pool.getActiveCount() + pool.getQueue().size(), patience);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
