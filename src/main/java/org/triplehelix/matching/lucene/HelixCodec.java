package org.triplehelix.matching.lucene;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * Lucene's default codec with int8 scalar-quantized HNSW vectors: a quarter of the memory of float
 * vectors for the graph search, while the full-precision vectors stay on disk for exact rescoring.
 * HNSW with 16 connections per node and a beam of 100 while building (Lucene's defaults).
 * The codec keeps its SPI name, and the vectors format is recorded per field, so any Lucene reader
 * opens the index.
 */
final class HelixCodec extends Lucene104Codec {

    private final KnnVectorsFormat vectors = new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, 16, 100);

    @Override
    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return vectors;
    }
}
