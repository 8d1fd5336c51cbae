package org.triplehelix.matching.embedding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code helix.embedding.*}: {@code threads} background threads compute the embeddings, each on one
 * core (1 by default, so that the web pages keep the other); {@code enabled=false} leaves matching
 * lexical only; {@code query-instruction} prefixes queries with BGE's retrieval instruction.
 */
@ConfigurationProperties("helix.embedding")
public record EmbeddingProperties(@DefaultValue("1") int threads, @DefaultValue("true") boolean enabled,
                                  @DefaultValue("false") boolean queryInstruction, @DefaultValue("256") int maxChars) {
}
