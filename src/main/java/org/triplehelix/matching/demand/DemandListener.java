package org.triplehelix.matching.demand;

import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.triplehelix.matching.DemandService;
import org.triplehelix.matching.EntityKind;
import org.triplehelix.matching.IndexMaintenance;

/**
 * A written demand is searchable (for the reverse match) seconds after its transaction committed; then,
 * once it is in the index, the experts and laboratories that fit it are told if it just became open
 * to them ({@link DemandAlerts}).
 */
@Component
class DemandListener {

    private final IndexMaintenance maintenance;
    private final DemandAlerts alerts;

    DemandListener(IndexMaintenance maintenance, DemandAlerts alerts) {
        this.maintenance = maintenance;
        this.alerts = alerts;
    }

    @ApplicationModuleListener
    void on(DemandService.DemandChanged event) {
        maintenance.apply(EntityKind.DEMAND, List.of(event.extId()));
        alerts.alert(event.extId());
    }
}
