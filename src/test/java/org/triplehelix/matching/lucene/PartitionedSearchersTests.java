package org.triplehelix.matching.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

/** A search split into parts of one segment finds exactly what one sequential search finds. */
class PartitionedSearchersTests {

    private static final int DOCS = 4000;

    @Test
    void partsOfOneSegmentFindTheSameTopDocumentsAsOneSearch() throws IOException {
        try (Directory directory = new ByteBuffersDirectory(); PartitionedSearchers partitioned = new PartitionedSearchers(3, 500)) {
            write(directory);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).as("one segment, as after a rebuild").hasSize(1);
                IndexSearcher sequential = new IndexSearcher(reader);
                IndexSearcher parts = partitioned.newSearcher(reader, null);
                assertThat(parts.getSlices()).as("the segment is split, one part a core").hasSize(3);
                Random random = new Random(7);
                for (int q = 0; q < 40; q++) {
                    BooleanQuery.Builder words = new BooleanQuery.Builder();
                    for (int t = 0; t < 2 + q % 6; t++) {
                        words.add(new TermQuery(new Term("text", word(random))), Occur.SHOULD);
                    }
                    assertSame(sequential, parts, words.build(), 1 + q * 25);
                    assertSame(sequential, parts, new KnnFloatVectorQuery("vector", vector(random), 50), 50);
                }
            }
        }
    }

    @Test
    void aSmallIndexIsNotSplit() throws IOException {
        try (Directory directory = new ByteBuffersDirectory(); PartitionedSearchers partitioned = new PartitionedSearchers(2)) {
            write(directory);
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(partitioned.newSearcher(reader, null).getSlices()).hasSize(1);
            }
        }
    }

    private static void assertSame(IndexSearcher sequential, IndexSearcher parts, Query query, int k) throws IOException {
        ScoreDoc[] expected = sequential.search(query, k).scoreDocs;
        ScoreDoc[] actual = parts.search(query, k).scoreDocs;
        assertThat(expected).as("the query finds something: %s", query).isNotEmpty();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].doc).as("hit %d of %s", i, query).isEqualTo(expected[i].doc);
            assertThat(actual[i].score).isEqualTo(expected[i].score);
        }
    }

    private static void write(Directory directory) throws IOException {
        Random random = new Random(42);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()).setMaxBufferedDocs(700))) {
            for (int i = 0; i < DOCS; i++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 3 + random.nextInt(12); w++) {
                    text.append(word(random)).append(' ');
                }
                Document doc = new Document();
                doc.add(new TextField("text", text.toString(), Field.Store.NO));
                doc.add(new KnnFloatVectorField("vector", vector(random), VectorSimilarityFunction.DOT_PRODUCT));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        }
    }

    /** Words of a skewed vocabulary: a few frequent ones, many rare ones. */
    private static String word(Random random) {
        return "w" + (int) Math.floor(Math.pow(random.nextDouble(), 3) * 400);
    }

    private static float[] vector(Random random) {
        float[] v = new float[16];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return VectorUtil.l2normalize(v);
    }
}
