package org.triplehelix.matching.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.Version;

/**
 * The three ways text is analyzed: Chinese words (smartcn's HMM segmenter), overlapping Chinese
 * character bigrams (CJKAnalyzer: robust where the segmenter splits a term differently in the query
 * and in the document), and English (EnglishAnalyzer: stop words, possessives, Porter stemming).
 * Chinese text goes to the first two, English text to the third.
 */
public final class Analysis implements AutoCloseable {

    public enum Flavor {
        WORDS("zh"), BIGRAMS("cjk"), ENGLISH("en");

        final String suffix;

        Flavor(String suffix) {
            this.suffix = suffix;
        }

        public String field(String base) {
            return base + "_" + suffix;
        }
    }

    /** Part of the index version stamp: a change of analyzers (or of their Lucene version) forces a rebuild. */
    public static final String DESCRIPTION = "smartcn+cjk-bigram+english@" + Version.LATEST;

    private final Map<Flavor, Analyzer> analyzers = Map.of(
            Flavor.WORDS, new SmartChineseAnalyzer(),
            Flavor.BIGRAMS, new CJKAnalyzer(),
            Flavor.ENGLISH, new EnglishAnalyzer());

    public Analyzer analyzer(Flavor flavor) {
        return analyzers.get(flavor);
    }

    /** The index-time analyzer: each text field by its suffix, everything else as one keyword. */
    Analyzer perField(List<String> textFields) {
        Map<String, Analyzer> byField = new java.util.HashMap<>();
        for (String base : textFields) {
            for (Flavor flavor : Flavor.values()) {
                byField.put(flavor.field(base), analyzers.get(flavor));
            }
        }
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), byField);
    }

    /** The distinct terms of a text, in order of first occurrence. */
    public Set<String> terms(Flavor flavor, String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (Token token : tokens(flavor, text)) {
            terms.add(token.term());
        }
        return terms;
    }

    record Token(String term, int start, int end) {
    }

    List<Token> tokens(Flavor flavor, String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = analyzers.get(flavor).tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    @Override
    public void close() {
        analyzers.values().forEach(Analyzer::close);
    }
}
