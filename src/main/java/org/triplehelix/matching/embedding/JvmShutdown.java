package org.triplehelix.matching.embedding;

/**
 * Whether the JVM has begun to shut down (SIGTERM, Ctrl-C, {@code System.exit}). ONNX Runtime closes its
 * environment from a shutdown hook of its own, which runs at the same time as Spring's: from then on
 * every embedding fails (ORT_FAIL), and those failures are the stop, not texts the model refuses.
 */
public final class JvmShutdown {

    private JvmShutdown() {
    }

    /**
     * True once the shutdown hooks have been started: the JVM then refuses new hooks, which is the only
     * way it tells. Costs a registration and its removal, nothing next to an embedding.
     */
    public static boolean begun() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
        } catch (IllegalStateException e) {
            return true;
        }
        Runtime.getRuntime().removeShutdownHook(probe);
        return false;
    }
}
