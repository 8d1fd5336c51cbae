/**
 * Matching: demands, the search index, embeddings, ranking, explanations and evaluation.
 */
@org.springframework.modulith.ApplicationModule
package org.triplehelix.matching;
