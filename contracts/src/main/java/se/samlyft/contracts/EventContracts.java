package se.samlyft.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas of every published event type, read from this module's resources. A producer checks an event's
 * data against its type's schema before it is sent; tests check every produced event the same way.
 */
public final class EventContracts {

    /** Where the schemas live on the classpath, one file per type named {@code <type>.json}. */
    public static final String SCHEMA_DIRECTORY = "contracts/events/";

    /** The list of published types, one per line. */
    public static final String TYPE_INDEX = SCHEMA_DIRECTORY + "event-types.txt";

    private static final String DATASCHEMA_PREFIX = "urn:samlyft:schema:";

    private final Map<String, Schema> schemas;

    /** Each type's schema, compiled once when the contracts are loaded and shared by every validation. */
    private EventContracts(Map<String, Schema> schemas) {
        this.schemas = Map.copyOf(schemas);
    }

    /** Loads every type named in {@value #TYPE_INDEX} with its schema. */
    public static EventContracts load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (String type : publishedTypes()) {
            try (InputStream schema = resource(schemaPath(type))) {
                schemas.put(type, registry.getSchema(schema, InputFormat.JSON));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the schema of " + type, e);
            }
        }
        return new EventContracts(schemas);
    }

    public Set<String> types() {
        return schemas.keySet();
    }

    /** The value of the {@code dataschema} attribute for events of {@code type}: the schema's {@code $id}. */
    public static String dataschemaOf(String type) {
        return DATASCHEMA_PREFIX + type;
    }

    /** The classpath location of the schema of {@code type}. */
    public static String schemaPath(String type) {
        return SCHEMA_DIRECTORY + type + ".json";
    }

    /** What is wrong with {@code json} as the data of an event of {@code type}; empty when it is valid. */
    public List<String> violations(String type, String json) {
        Schema schema = schemas.get(type);
        if (schema == null) {
            return List.of("'" + type + "' is not a published event type");
        }
        return schema.validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    /**
     * What is wrong with {@code data}, already parsed, as the data of an event of {@code type}; empty when it is
     * valid. The same check as {@link #violations(String, String)}, without parsing the text again.
     */
    public List<String> violations(String type, JsonNode data) {
        Schema schema = schemas.get(type);
        if (schema == null) {
            return List.of("'" + type + "' is not a published event type");
        }
        return schema.validate(data).stream().map(Error::toString).toList();
    }

    /** Throws {@link InvalidEvent} naming every violation unless {@code json} is valid data for {@code type}. */
    public void requireValid(String type, String json) {
        List<String> violations = violations(type, json);
        if (!violations.isEmpty()) {
            throw new InvalidEvent(type, violations);
        }
    }

    /** Throws {@link InvalidEvent} naming every violation unless the parsed {@code data} is valid for {@code type}. */
    public void requireValid(String type, JsonNode data) {
        List<String> violations = violations(type, data);
        if (!violations.isEmpty()) {
            throw new InvalidEvent(type, violations);
        }
    }

    static List<String> publishedTypes() {
        try (InputStream index = resource(TYPE_INDEX)) {
            return new String(index.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + TYPE_INDEX, e);
        }
    }

    private static InputStream resource(String path) {
        InputStream stream = EventContracts.class.getClassLoader().getResourceAsStream(path);
        if (stream == null) {
            throw new IllegalStateException("Missing contract resource " + path);
        }
        return stream;
    }

    /** An event whose data does not match its type's schema. */
    public static final class InvalidEvent extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public InvalidEvent(String type, List<String> violations) {
            super("Event data does not match the schema of " + type + ": " + String.join("; ", violations));
        }
    }
}
