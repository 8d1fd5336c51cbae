package org.triplehelix.matching.demand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.triplehelix.matching.DemandService;
import org.triplehelix.registry.ForeignKindImporter;
import org.triplehelix.registry.ForeignRecord;
import org.triplehelix.registry.ImportMessage;

/**
 * Takes the {@code demand} records of a registry import (INTERCHANGE.md) and hands them to the
 * demands, after the organizations they link to are stored. A rejected record writes nothing, and
 * is reported in English for the command line and the JSON report, and with the refusal's key for
 * the import page.
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

    /** INTERCHANGE.md's fields of a demand. */
    @Override
    public Set<String> fields() {
        return RECORD_FIELDS;
    }

    static final Set<String> RECORD_FIELDS = Set.of("title", "description", "keywords", "organization", "industry", "region");

    @Override
    public Batch importBatch(List<ForeignRecord> records) {
        Map<String, ForeignRecord> byId = new HashMap<>();
        List<DemandService.Imported> imported = new ArrayList<>(records.size());
        for (ForeignRecord record : records) {
            byId.put(record.id(), record);
            imported.add(new DemandService.Imported(record.id(), record.fields(), record.illustrative()));
        }
        DemandService.ImportResult result = demands.importBatch(imported);
        List<Stored> stored = result.changes().entrySet().stream()
                .map(change -> new Stored(byId.get(change.getKey()), change(change.getValue())))
                .toList();
        List<Failure> failures = result.failures().stream()
                .map(failure -> new Failure(byId.get(failure.extId()), failure.reason(), message(failure)))
                .toList();
        return new Batch(stored, failures);
    }

    private static Change change(DemandService.ImportChange change) {
        return switch (change) {
            case CREATED -> Change.NEW;
            case REPLACED -> Change.CHANGED;
            case UNCHANGED -> Change.UNCHANGED;
        };
    }

    /** The fields a demand record of an import can be refused on, each named in the bundles under {@link #FIELD_LABEL}. */
    static final Set<String> FIELDS = Set.of("title", "titleZh", "titleEn", "description", "descriptionZh", "descriptionEn", "keywords",
            "organization", "industry", "region", "extId");
    static final String FIELD_LABEL = "matching.demand.import.field.";

    /** The refusal for the import page, the field named first ("Chinese title: at most 200 characters"); null without a key. */
    static ImportMessage message(DemandService.ImportFailure failure) {
        if (failure.key() == null) {
            return null;
        }
        ImportMessage message = new ImportMessage(failure.key(), failure.args());
        if (failure.detail() != null) {
            message = message.withDetail(failure.detail());
        }
        return FIELDS.contains(failure.field()) ? message.withField(FIELD_LABEL + failure.field()) : message;
    }
}
