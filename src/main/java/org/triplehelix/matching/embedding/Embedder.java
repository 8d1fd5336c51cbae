package org.triplehelix.matching.embedding;

/** A text embedding model: unit-length vectors, so that a dot product is a cosine similarity. */
public interface Embedder {

    /** The model's name, part of the cache key and of the index's version stamp. */
    String model();

    int dimension();

    float[] embed(String text);

    /** A query's vector: the same model, possibly run with more cores for a shorter wait. */
    default float[] embedQuery(String text) {
        return embed(text);
    }
}
