package org.triplehelix.registry;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports files in the interchange formats (JSON Lines, and the CSV and XLSX templates) into the
 * registry, as INTERCHANGE.md specifies: bad records rejected with file, line, id and reason, the
 * rest imported, each record whole or not at all; a record whose id exists replaces it, and
 * importing the same files again changes nothing. Links may point forward within a file or across
 * the files of one call. Streams: memory holds one batch ({@code helix.import.batch-size}
 * records), whatever the size of the files.
 */
@Service
public class RegistryImport {

    private final RecordStore store;
    private final PendingRecords pending;
    private final RegionResolver regions;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ForeignKindImporter> foreignImporters;
    private final int batchSize;
    private final WriteGuard guard;

    RegistryImport(WriteGuard guard, RecordStore store, PendingRecords pending, RegionResolver regions, PlatformTransactionManager transactionManager,
                   ApplicationEventPublisher events, ObjectProvider<ForeignKindImporter> foreignImporters,
                   @Value("${helix.import.batch-size:2000}") int batchSize) {
        this.guard = guard;
        this.store = store;
        this.pending = pending;
        this.regions = regions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.foreignImporters = foreignImporters;
        this.batchSize = batchSize;
    }

    /** Imports the files together (links may cross them), reporting to {@code listener} as it goes. */
    public ImportReport run(List<ImportSource> sources, ImportListener listener) {
        guard.checkImport();
        regions.reload();
        Map<String, ForeignKindImporter> foreign = foreignImporters.orderedStream()
                .collect(Collectors.toMap(ForeignKindImporter::kind, Function.identity(), (a, b) -> a));
        return new ImportRun(store, pending, transactions, events, foreign, listener, batchSize).run(sources);
    }

    public ImportReport run(ImportSource source) {
        return run(List.of(source), ImportListener.NONE);
    }
}
