package se.samlyft.integration.feed.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import se.samlyft.contracts.EventContracts;
import se.samlyft.platform.inbox.MalformedEventException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An event's data exactly as the published contract describes it, and no more: every property the type's JSON Schema
 * declares (in nested objects and array items too) is kept, anything else a producer may have added is left out, and
 * what remains must validate against the schema. Integrators get what the contract promises, never more.
 */
final class ContractData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventContracts contracts;
    private final Map<String, JsonNode> schemas = new ConcurrentHashMap<>();

    ContractData(EventContracts contracts) {
        this.contracts = contracts;
    }

    /** Whether the type is one of the published contract's. */
    boolean isPublished(String type) {
        return contracts.types().contains(type);
    }

    /**
     * The data as the contract of {@code type} has it.
     *
     * @throws MalformedEventException if what the contract declares does not validate against its schema
     */
    ObjectNode of(String type, JsonNode data) {
        JsonNode schema = schemas.computeIfAbsent(type, ContractData::schemaOf);
        JsonNode kept = keep(schema, data);
        if (!(kept instanceof ObjectNode object)) {
            throw new MalformedEventException("The data of a " + type + " event is not a JSON object");
        }
        List<String> violations = contracts.violations(type, object);
        if (!violations.isEmpty()) {
            throw new MalformedEventException(
                    "The data of a " + type + " event does not match its contract: " + String.join("; ", violations));
        }
        return object;
    }

    private static JsonNode keep(JsonNode schema, JsonNode value) {
        if (value.isObject() && schema.has("properties")) {
            ObjectNode kept = JSON.createObjectNode();
            JsonNode properties = schema.get("properties");
            value.properties().forEach(field -> {
                JsonNode declared = properties.get(field.getKey());
                if (declared != null) {
                    kept.set(field.getKey(), keep(declared, field.getValue()));
                }
            });
            return kept;
        }
        if (value.isArray() && schema.has("items")) {
            ArrayNode kept = JSON.createArrayNode();
            value.forEach(item -> kept.add(keep(schema.get("items"), item)));
            return kept;
        }
        return value;
    }

    private static JsonNode schemaOf(String type) {
        String path = EventContracts.schemaPath(type);
        try (InputStream schema = ContractData.class.getClassLoader().getResourceAsStream(path)) {
            if (schema == null) {
                throw new IllegalStateException("No schema at " + path);
            }
            return JSON.readTree(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }
}
