package org.triplehelix.registry.web;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.registry.RegistryRecord;
import org.triplehelix.registry.RegistryWriter;
import org.triplehelix.registry.SavedRecord;
import org.triplehelix.registry.internal.InterchangeCodec;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registry writes: a record in its interchange shape (INTERCHANGE.md) at
 * {@code /api/v1/{organizations|persons|outputs|facilities}/{id}}. POST creates (201, 409 when
 * it exists), PUT replaces (the body's {@code version} must be the one read, else 409), DELETE
 * removes ({@code ?version=} optional). Responses carry the record and its new version.
 */
@RestController
@RequestMapping("/api/v1/{collection:organizations|persons|outputs|facilities}/{extId}")
class RegistryWriteApi {

    private final RegistryWriter writer;

    RegistryWriteApi(RegistryWriter writer) {
        this.writer = writer;
    }

    @PostMapping
    ResponseEntity<JsonNode> create(@PathVariable String collection, @PathVariable String extId, @RequestBody JsonNode body) {
        SavedRecord saved = writer.create(parse(collection, extId, body));
        return ResponseEntity.created(location("/api/v1/{collection}/{id}", collection, extId)).body(view(saved));
    }

    @PutMapping
    JsonNode update(@PathVariable String collection, @PathVariable String extId, @RequestBody JsonNode body) {
        JsonNode version = body.isObject() ? body.get("version") : null;
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new InvalidInputException("version", "version is required: the version of the record you edited");
        }
        return view(writer.update(parse(collection, extId, body), version.asInt()));
    }

    @DeleteMapping
    ResponseEntity<Void> delete(@PathVariable String collection, @PathVariable String extId,
                                @RequestParam(required = false) Integer version) {
        writer.delete(kind(collection), extId, version);
        return ResponseEntity.noContent().build();
    }

    /** The address of a record, its id encoded: an id is kept as given and may hold a space or any character. */
    static URI location(String template, Object... variables) {
        return UriComponentsBuilder.fromPath(template).encode().buildAndExpand(variables).toUri();
    }

    private static RecordKind kind(String collection) {
        return RecordKind.fromCollection(collection).orElseThrow(() -> new NotFoundException("collection", collection));
    }

    /** The body as a record of the path's kind and id; unknown fields are refused here, not just reported. */
    static RegistryRecord parse(String collection, String extId, JsonNode body) {
        RecordKind kind = kind(collection);
        if (!(body instanceof ObjectNode object)) {
            throw new InvalidInputException("body", "the body must be a JSON object");
        }
        ObjectNode fields = object.deepCopy();
        fields.remove("version");
        JsonNode id = fields.get("id");
        JsonNode kindField = fields.remove("kind");
        requireText("id", id);
        requireText("kind", kindField);
        if (id != null && !id.asString().strip().equals(extId)) {
            throw new InvalidInputException("id", "id " + id.asString() + " differs from the id in the path " + extId);
        }
        if (kindField != null && !kindField.asString().equals(kind.interchangeName())) {
            throw new InvalidInputException("kind", "kind " + kindField.asString() + " differs from " + kind.interchangeName());
        }
        fields.put("id", extId);
        return InterchangeCodec.read(kind, fields, (k, field) -> {
            throw new InvalidInputException(field, "unknown field " + field + " of " + k);
        });
    }

    /** An id or kind in the body is a string (an object or a list has no text to compare with the path). */
    private static void requireText(String field, JsonNode value) {
        if (value != null && !value.isValueNode()) {
            throw new InvalidInputException(field, field + " must be a string, not " + (value.isArray() ? "a list" : "an object"));
        }
    }

    static JsonNode view(SavedRecord saved) {
        ObjectNode node = InterchangeCodec.write(saved.record());
        node.put("version", saved.version());
        return node;
    }
}
