package org.triplehelix.matching.demand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.triplehelix.matching.DemandService;
import org.triplehelix.registry.ForeignKindImporter;
import org.triplehelix.registry.ForeignRecord;

/**
 * Takes the {@code demand} records of a registry import (INTERCHANGE.md) and hands them to the
 * demands, after the organizations they link to are stored. A rejected record writes nothing.
 */
@Component
class DemandImporter implements ForeignKindImporter {

    private final DemandService demands;

    DemandImporter(DemandService demands) {
        this.demands = demands;
    }

    @Override
    public String kind() {
        return "demand";
    }

    @Override
    public List<Failure> importBatch(List<ForeignRecord> records) {
        Map<String, ForeignRecord> byId = new HashMap<>();
        List<DemandService.Imported> imported = new ArrayList<>(records.size());
        for (ForeignRecord record : records) {
            byId.put(record.id(), record);
            imported.add(new DemandService.Imported(record.id(), record.fields(), record.illustrative()));
        }
        return demands.importBatch(imported).stream()
                .map(failure -> new Failure(byId.get(failure.extId()), failure.reason()))
                .toList();
    }
}
