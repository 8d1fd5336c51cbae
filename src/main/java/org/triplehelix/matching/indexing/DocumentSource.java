package org.triplehelix.matching.indexing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexDocument;

/** Where the index documents of one kind come from (the registry, the demands), for rebuilds and updates. */
public interface DocumentSource {

    EntityKind kind();

    long count();

    /** The latest change, or null when there is nothing. */
    Instant lastUpdate();

    /** Every document changed after {@code since} (all for null), streamed in bounded memory. */
    void forEach(Instant since, Consumer<IndexDocument> action);

    /** The documents of these ids that exist (the others were deleted). */
    List<IndexDocument> find(Collection<String> extIds);
}
