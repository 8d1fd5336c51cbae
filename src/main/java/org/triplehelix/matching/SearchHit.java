package org.triplehelix.matching;

import java.util.List;

/** One document a {@link SearchIndex} search returned: its score and the entities it is linked to. */
public record SearchHit(EntityKind kind, String extId, float score, List<String> people, List<String> organizations) {
}
