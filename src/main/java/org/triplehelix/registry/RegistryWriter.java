package org.triplehelix.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.triplehelix.registry.internal.InterchangeCodec;
import org.triplehelix.shared.AuditableChange;
import org.triplehelix.shared.ConflictException;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.RecordIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates, updates and deletes single registry records: links checked (400 naming the field),
 * an organization never its own ancestor, updates and deletes checked against the version the
 * caller read (409 when someone changed the record since). Each write publishes an
 * {@link AuditableChange} with before and after snapshots, and a {@link RegistryChanged}.
 */
@Service
public class RegistryWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RecordStore store;
    private final StoredRecords stored;
    private final WriteGuard guard;
    private final ApplicationEventPublisher events;

    RegistryWriter(RecordStore store, StoredRecords stored, WriteGuard guard, ApplicationEventPublisher events) {
        this.store = store;
        this.stored = stored;
        this.guard = guard;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<SavedRecord> find(RecordKind kind, String extId) {
        return stored.find(kind, extId).flatMap(record -> store.current(kind, extId, false)
                .map(current -> new SavedRecord(record, current.version())));
    }

    /** Whether the caller may edit (and delete) the record: for showing an Edit button; every write checks again. */
    @Transactional(readOnly = true)
    public boolean canEdit(RecordKind kind, String extId) {
        return guard.canEdit(kind, extId);
    }

    /** Whether the caller may delete the record: for showing a Delete button; the deletion checks again. */
    @Transactional(readOnly = true)
    public boolean canDelete(RecordKind kind, String extId) {
        return guard.canDelete(kind, extId);
    }

    /** Whether the caller may create records of this kind somewhere (where is checked on the write). */
    public boolean canCreate(RecordKind kind) {
        return guard.canCreate(kind);
    }

    /** Whether the caller may import files (administrators and the server's operator). */
    public boolean canImport() {
        return guard.canImport();
    }

    @Transactional
    public SavedRecord create(RegistryRecord record) {
        guard.checkWrite(record);
        RecordIds.requireNoSpace("id", record.id()); // a new id only: one stored before the rule stays editable
        if (store.current(record.kind(), record.id(), true).isPresent()) {
            throw new ConflictException(record.kind().interchangeName() + " " + record.id() + " already exists",
                    "registry.edit.error.exists", record.id());
        }
        write(record, false);
        SavedRecord saved = reread(record);
        events.publishEvent(AuditableChange.created(record.kind().interchangeName(), record.id(), snapshot(saved.record())));
        events.publishEvent(new RegistryChanged(record.kind().interchangeName(), List.of(record.id())));
        return saved;
    }

    @Transactional
    public SavedRecord update(RegistryRecord record, int expectedVersion) {
        guard.checkWrite(record);
        RecordStore.Current current = currentAt(record.kind(), record.id(), expectedVersion);
        RegistryRecord before = stored.find(record.kind(), record.id()).orElseThrow();
        boolean changed = write(record, current.illustrative());
        SavedRecord saved = reread(record);
        if (changed) {
            events.publishEvent(AuditableChange.updated(record.kind().interchangeName(), record.id(), snapshot(before), snapshot(saved.record())));
            events.publishEvent(new RegistryChanged(record.kind().interchangeName(), List.of(record.id())));
        }
        return saved;
    }

    /**
     * Refuses with the stale-version conflict of {@link #update} when the record is no longer at
     * {@code expectedVersion}: for a form that cannot be saved anyway (its fields are wrong), so that
     * the reader hears first that the copy they are fixing is out of date. 404 when the record is gone.
     */
    @Transactional(readOnly = true)
    public void requireVersion(RecordKind kind, String extId, int expectedVersion) {
        RecordStore.Current current = store.current(kind, extId, false)
                .orElseThrow(() -> new NotFoundException(kind.interchangeName(), extId));
        requireVersion(kind, extId, expectedVersion, current);
    }

    /** Deletes a record; {@code expectedVersion} null skips the version check. */
    @Transactional
    public void delete(RecordKind kind, String extId, Integer expectedVersion) {
        guard.checkDelete(kind, extId);
        RecordStore.Current current = expectedVersion == null
                ? store.current(kind, extId, true).orElseThrow(() -> new NotFoundException(kind.interchangeName(), extId))
                : currentAt(kind, extId, expectedVersion);
        RegistryRecord before = stored.find(kind, extId).orElseThrow();
        Map<RecordKind, List<String>> unlinked;
        try {
            unlinked = store.delete(kind, current.id());
        } catch (DataIntegrityViolationException e) {
            // another module's records (a facility's bookings, say) still need this one
            throw new ConflictException(kind.interchangeName() + " " + extId + " is still referenced by other records and cannot be deleted",
                    "registry.edit.error.referenced", extId);
        }
        events.publishEvent(AuditableChange.deleted(kind.interchangeName(), extId, snapshot(before)));
        events.publishEvent(new RegistryChanged(kind.interchangeName(), List.of(extId)));
        // records that linked to it lost that link
        unlinked.forEach((linking, ids) -> events.publishEvent(new RegistryChanged(linking.interchangeName(), ids)));
    }

    private RecordStore.Current currentAt(RecordKind kind, String extId, int expectedVersion) {
        RecordStore.Current current = store.current(kind, extId, true)
                .orElseThrow(() -> new NotFoundException(kind.interchangeName(), extId));
        requireVersion(kind, extId, expectedVersion, current);
        return current;
    }

    private static void requireVersion(RecordKind kind, String extId, int expectedVersion, RecordStore.Current current) {
        if (current.version() != expectedVersion) {
            throw new ConflictException(kind.interchangeName() + " " + extId + " was changed since you read it (version "
                    + expectedVersion + ", now " + current.version() + "); reload it and try again",
                    "registry.edit.error.stale", String.valueOf(expectedVersion), String.valueOf(current.version()));
        }
    }

    /** Writes the record after checking its links; true when its stored content changed. */
    private boolean write(RegistryRecord record, boolean illustrative) {
        for (RegistryRecord.Link link : record.links()) {
            if (link.target() == record.kind() && link.id().equals(record.id())) {
                throw new InvalidInputException(link.field(), record.kind().interchangeName() + " " + record.id() + " cannot link to itself",
                        "registry.edit.error.selfLink", record.id());
            }
            Set<String> existing = store.existing(link.target(), List.of(link.id()));
            if (existing.isEmpty()) {
                throw new InvalidInputException(link.field(), link.field() + ": " + link.target().interchangeName() + " " + link.id() + " does not exist",
                        "registry.edit.error.missingLink", link.id());
            }
        }
        List<RecordStore.Change> changes = store.upsert(record.kind(), List.of(new RecordStore.Staged(record, illustrative)));
        if (record.kind() == RecordKind.ORGANIZATION && !store.parentCycles(List.of(record.id())).isEmpty()) {
            throw new InvalidInputException("parent", "parent " + ((OrganizationRecord) record).parent()
                    + " is a descendant of " + record.id() + ": an organization cannot be its own ancestor",
                    "registry.edit.error.cycle", ((OrganizationRecord) record).parent(), record.id());
        }
        return !changes.isEmpty();
    }

    private SavedRecord reread(RegistryRecord record) {
        return find(record.kind(), record.id()).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> snapshot(RegistryRecord record) {
        return JSON.convertValue(InterchangeCodec.write(record), Map.class);
    }
}
