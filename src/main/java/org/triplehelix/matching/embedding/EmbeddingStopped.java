package org.triplehelix.matching.embedding;

/** The process is stopping: the embedding model is not loaded, or the embedding was cut short. Not an error to log. */
public final class EmbeddingStopped extends RuntimeException {

    public EmbeddingStopped(String message) {
        super(message);
    }
}
