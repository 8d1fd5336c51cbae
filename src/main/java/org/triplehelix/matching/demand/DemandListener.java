package org.triplehelix.matching.demand;

import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.triplehelix.matching.DemandService;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexMaintenance;

/** A written demand is searchable (for the reverse match) seconds after its transaction committed. */
@Component
class DemandListener {

    private final IndexMaintenance maintenance;

    DemandListener(IndexMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @ApplicationModuleListener
    void on(DemandService.DemandChanged event) {
        maintenance.apply(EntityKind.DEMAND, List.of(event.extId()));
    }
}
