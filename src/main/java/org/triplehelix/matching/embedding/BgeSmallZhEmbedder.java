package org.triplehelix.matching.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * BAAI's bge-small-zh-v1.5 (512 dimensions, Chinese and English in one space) run in-process by ONNX
 * Runtime, from the model bundled in langchain4j's jar. Loaded on first use (about 1 s, 100 MB), never
 * once the JVM has begun to shut down.
 * ONNX Runtime runs each embedding on {@code threadsPerCall} cores, so that a background worker
 * computing thousands of them leaves the other cores to the web pages.
 */
public final class BgeSmallZhEmbedder implements Embedder {

    public static final String MODEL = "bge-small-zh-v1.5";
    private static final String ONNX = "bge-small-zh-v1.5.onnx";
    private static final String TOKENIZER = "bge-small-zh-v1.5-tokenizer.json";

    private final int threadsPerCall;
    private final int threadsPerQuery;
    private volatile Model model;
    private volatile Model queryModel;

    /**
     * Documents are embedded on {@code threadsPerCall} cores each; queries, for which someone waits,
     * on {@code threadsPerQuery} (a second session of the same model, about 100 MB of native memory).
     */
    public BgeSmallZhEmbedder(int threadsPerCall, int threadsPerQuery) {
        this.threadsPerCall = Math.max(1, threadsPerCall);
        this.threadsPerQuery = Math.max(1, threadsPerQuery);
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimension() {
        return 512;
    }

    @Override
    public float[] embed(String text) {
        return documents().embed(TextSegment.from(text)).content().vector();
    }

    @Override
    public float[] embedQuery(String text) {
        if (threadsPerQuery == threadsPerCall) {
            return embed(text);
        }
        return queries().embed(TextSegment.from(text)).content().vector();
    }

    private Model documents() {
        Model loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = new Model(load(threadsPerCall));
                }
                loaded = model;
            }
        }
        return loaded;
    }

    private Model queries() {
        Model loaded = queryModel;
        if (loaded == null) {
            synchronized (this) {
                if (queryModel == null) {
                    queryModel = new Model(load(threadsPerQuery));
                }
                loaded = queryModel;
            }
        }
        return loaded;
    }

    /**
     * Refused once the JVM shuts down: ONNX Runtime's environment is being closed by its own shutdown hook
     * (a new one could not register its hook), and the model would load for nothing.
     */
    private static OnnxBertBiEncoder load(int threads) {
        if (JvmShutdown.begun()) {
            throw new EmbeddingStopped("the process is stopping: the embedding model is not loaded");
        }
        ClassLoader classes = BgeSmallZhEmbedder.class.getClassLoader();
        try (InputStream onnx = classes.getResourceAsStream(ONNX); InputStream tokenizer = classes.getResourceAsStream(TOKENIZER)) {
            if (onnx == null || tokenizer == null) {
                throw new IllegalStateException("the bge-small-zh-v1.5 model is not on the classpath");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("could not load the embedding model: " + e.getMessage(), e);
        }
    }

    /** langchain4j's in-process model around our own ONNX session; one text at a time, in the caller's thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 512;
        }
    }
}
