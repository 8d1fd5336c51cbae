package org.triplehelix.matching.indexing;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexMaintenance;
import org.triplehelix.facility.FacilityProfileChanged;
import org.triplehelix.registry.RegistryChanged;

/**
 * Keeps the index in step with the registry: every change event, after its transaction committed,
 * rewrites or deletes the documents it names. The event publication is persisted, so a change made
 * while the index was unavailable (another process held it) is applied when it is resubmitted.
 */
@Component
class RegistryListener {

    private final IndexMaintenance maintenance;
    private final EmbeddingWorker worker;

    RegistryListener(IndexMaintenance maintenance, org.springframework.beans.factory.ObjectProvider<EmbeddingWorker> worker) {
        this.maintenance = maintenance;
        this.worker = worker.getIfAvailable();
    }

    @ApplicationModuleListener
    void on(RegistryChanged event) {
        maintenance.apply(EntityKind.of(event.kind()), event.extIds());
        if (worker != null) {
            worker.wake();
        }
    }

    /** A facility's profile (capabilities, model, maker) is part of its document. */
    @ApplicationModuleListener
    void on(FacilityProfileChanged event) {
        maintenance.apply(EntityKind.FACILITY, event.extIds());
        if (worker != null) {
            worker.wake();
        }
    }
}
