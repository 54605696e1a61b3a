package se.samlyft.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class SchemaCompatibilityTest {

    private static final Path RELEASED = Path.of("released/events");
    private static final Path CURRENT = Path.of("src/main/resources", EventContracts.SCHEMA_DIRECTORY);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyReleasedSchemaIsStillPublishedAndCompatible() throws IOException {
        List<Path> released;
        try (Stream<Path> files = Files.list(RELEASED)) {
            released = files.filter(file -> file.toString().endsWith(".json")).toList();
        }
        assertThat(released).as("released schemas").isNotEmpty();
        for (Path releasedSchema : released) {
            Path current = CURRENT.resolve(releasedSchema.getFileName());
            assertThat(current).as("a released type may not disappear").exists();
            assertThat(SchemaCompatibility.breakingChanges(read(releasedSchema), read(current)))
                    .as("breaking changes to %s; publish a new version of the type instead", current.getFileName())
                    .isEmpty();
        }
    }

    @Test
    void acceptsANewOptionalPropertyAndANewRequiredOne() {
        ObjectNode current = coursePublished();
        properties(current).putObject("keywords").put("type", "array");
        properties(current).putObject("creditPoints").put("type", "number");
        ((ArrayNode) current.get("required")).add("creditPoints");

        assertThat(SchemaCompatibility.breakingChanges(coursePublished(), current))
                .isEmpty();
    }

    @Test
    void findsARemovedProperty() {
        ObjectNode current = coursePublished();
        properties(current).remove("title");

        assertThat(SchemaCompatibility.breakingChanges(coursePublished(), current))
                .contains("$: property 'title' removed");
    }

    @Test
    void findsAPropertyThatIsNoLongerRequired() {
        ObjectNode current = coursePublished();
        ArrayNode required = (ArrayNode) current.get("required");
        required.removeAll();
        required.add("courseId").add("owner").add("version").add("publishedAt");

        assertThat(SchemaCompatibility.breakingChanges(coursePublished(), current))
                .containsExactly("$: property 'title' is no longer required");
    }

    @Test
    void findsAChangedType() {
        ObjectNode current = coursePublished();
        ((ObjectNode) properties(current).get("version")).put("type", "string");

        assertThat(SchemaCompatibility.breakingChanges(coursePublished(), current))
                .anyMatch(change -> change.startsWith("$.version: type changed"));
    }

    @Test
    void findsAnEnumValueAdded() {
        ObjectNode released = coursePublished();
        properties(released)
                .putObject("format")
                .put("type", "string")
                .putArray("enum")
                .add("SELF_PACED");
        ObjectNode current = released.deepCopy();
        ((ArrayNode) properties(current).get("format").get("enum")).add("CLASSROOM");

        assertThat(SchemaCompatibility.breakingChanges(released, current))
                .containsExactly("$.format: enum value \"CLASSROOM\" added");
    }

    @Test
    void findsAPropertyAddedWhereNoneWereAllowed() {
        ObjectNode released = coursePublished();
        released.put("additionalProperties", false);
        ObjectNode current = released.deepCopy();
        properties(current).putObject("keywords").put("type", "array");

        assertThat(SchemaCompatibility.breakingChanges(released, current))
                .containsExactly("$: property 'keywords' added where no other properties were allowed");
    }

    @Test
    void findsAChangedBound() {
        ObjectNode current = coursePublished();
        ((ObjectNode) properties(current).get("owner")).put("pattern", ".*");

        assertThat(SchemaCompatibility.breakingChanges(coursePublished(), current))
                .anyMatch(change -> change.startsWith("$.owner: pattern changed"));
    }

    private static ObjectNode coursePublished() {
        return (ObjectNode) read(CURRENT.resolve("se.samlyft.catalog.course-published.v1.json"));
    }

    private static ObjectNode properties(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static JsonNode read(Path file) {
        return JSON.readTree(file.toFile());
    }
}
