package org.triplehelix.shared;

import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * What becomes of an exception thrown by an asynchronous method (the modules' listeners). Spring
 * Modulith marks the publication failed and re-throws, and Spring's default handler logs every such
 * exception as "Unexpected exception occurred invoking async method" at ERROR: for a failure the
 * listener has already logged as a WARN line and that will be retried ({@link RetriedLater}, a mail
 * server that is down), that is a second, alarming line per attempt. Those are logged here at DEBUG;
 * every other exception still goes to Spring's handler, at ERROR with its stack trace.
 *
 * <p>Only the handler is configured: {@link #getAsyncExecutor()} stays {@code null}, so the
 * asynchronous methods keep running on Spring Boot's {@code applicationTaskExecutor}, as before.
 */
@Configuration(proxyBeanMethods = false)
class AsyncErrors implements AsyncConfigurer {

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return new Handler();
    }

    static final class Handler implements AsyncUncaughtExceptionHandler {

        private static final Logger log = LoggerFactory.getLogger(AsyncErrors.class);
        private final AsyncUncaughtExceptionHandler unexpected = new SimpleAsyncUncaughtExceptionHandler();

        @Override
        public void handleUncaughtException(Throwable e, Method method, Object... params) {
            if (e instanceof RetriedLater) {
                log.debug("Async method {} failed, to be retried: {}", method.toGenericString(), e.getMessage());
            } else {
                unexpected.handleUncaughtException(e, method, params);
            }
        }
    }
}
