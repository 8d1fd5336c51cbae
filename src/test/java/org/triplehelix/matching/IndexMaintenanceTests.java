package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triplehelix.matching.indexing.DocumentSource;
import org.triplehelix.matching.lucene.LuceneSearchIndex;
import org.triplehelix.shared.RetriedLater;

/**
 * A change applied by a process that opened the index read-only (a command run next to {@code serve}
 * on the same data directory): the publication must stay incomplete for the holder to retry, without
 * a stack trace on the command's terminal (a {@link RetriedLater} is logged at DEBUG only: AsyncErrorsTests).
 */
class IndexMaintenanceTests {

    @TempDir
    Path directory;

    @Test
    void aChangeThatCannotBeWrittenIsLeftForTheProcessHoldingTheIndex() {
        Source source = new Source();
        try (LuceneSearchIndex holder = FixtureIndex.open(directory, false);
             LuceneSearchIndex readOnly = new LuceneSearchIndex(directory, "bge-small-zh-v1.5", 512, new LuceneSearchIndex.Weights(1, 1, 1))) {
            assertThat(readOnly.readOnly()).isTrue();
            IndexMaintenance maintenance = new IndexMaintenance(readOnly, List.of(source), null, null);

            assertThatThrownBy(() -> maintenance.apply(EntityKind.OUTPUT, List.of("out-08", "out-09")))
                    .isInstanceOf(RetriedLater.class)
                    .hasMessage("2 output changes wait for the process holding the search index");
            assertThatThrownBy(() -> maintenance.apply(EntityKind.OUTPUT, List.of("out-08")))
                    .hasMessage("1 output change waits for the process holding the search index");
            assertThat(source.asked).as("nothing read for a write that cannot happen").isEmpty();

            new IndexMaintenance(holder, List.of(source), null, null).apply(EntityKind.OUTPUT, List.of("out-09"));
            assertThat(source.asked).as("the holder writes it").containsExactly(List.of("out-09"));
            assertThat(holder.stats().documents()).containsEntry(EntityKind.OUTPUT, 29L);
        }
    }

    /** The outputs of the fixture, all deleted since: a change to them deletes their documents. */
    private static final class Source implements DocumentSource {

        final List<List<String>> asked = new ArrayList<>();

        @Override
        public EntityKind kind() {
            return EntityKind.OUTPUT;
        }

        @Override
        public long count() {
            return 0;
        }

        @Override
        public Instant lastUpdate() {
            return null;
        }

        @Override
        public void forEach(Instant since, Consumer<IndexDocument> action) {
        }

        @Override
        public List<IndexDocument> find(Collection<String> extIds) {
            asked.add(List.copyOf(extIds));
            return List.of();
        }
    }
}
