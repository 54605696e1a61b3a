package se.samlyft.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class SchemaCompatibilityTest {

    private static final Path RELEASED = Path.of("released/events");
    private static final Path CURRENT = Path.of("src/main/resources", EventContracts.SCHEMA_DIRECTORY);
    private static final String PERSON_REGISTERED = "se.samlyft.identity.person-registered.v1.json";
    private static final String MEMBERSHIP_CHANGED = "se.samlyft.identity.federation-membership-changed.v1.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyReleasedSchemaIsStillPublishedAndCompatible() throws IOException {
        assertThat(breakingChanges(CURRENT)).isEmpty();
    }

    @Test
    void everyPublishedTypeIsReleased() throws IOException {
        List<String> types = EventContracts.publishedTypes();

        assertThat(types).as("published types").hasSize(30);
        assertThat(released())
                .as("a schema under released/ for every published type")
                .map(file -> file.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(
                        types.stream().map(type -> type + ".json").toList());
    }

    @Test
    void theBuildFailsWhenAnIdentityEventGetsANewRequiredProperty(@TempDir Path current) throws IOException {
        copyCurrentSchemas(current);
        ObjectNode registered = (ObjectNode) read(current.resolve(PERSON_REGISTERED));
        properties(registered).putObject("employeeNumber").put("type", "string");
        ((ArrayNode) registered.get("required")).add("employeeNumber");
        JSON.writeValue(current.resolve(PERSON_REGISTERED).toFile(), registered);

        assertThat(breakingChanges(current))
                .containsExactly(PERSON_REGISTERED
                        + ": $: property 'employeeNumber' is newly required; events published before lack it");
    }

    @Test
    void theBuildFailsWhenAnEnrolmentEventLosesAProperty(@TempDir Path current) throws IOException {
        copyCurrentSchemas(current);
        Path withdrawn = current.resolve("se.samlyft.enrolment.enrolment-withdrawn.v1.json");
        ObjectNode schema = (ObjectNode) read(withdrawn);
        String name = properties(schema).propertyNames().iterator().next();
        properties(schema).remove(name);
        JSON.writeValue(withdrawn.toFile(), schema);

        assertThat(breakingChanges(current)).contains(withdrawn.getFileName() + ": $: property '" + name + "' removed");
    }

    @Test
    void findsAMembersConsentMadeRequiredInVersionOne() {
        ObjectNode released = (ObjectNode) read(RELEASED.resolve(MEMBERSHIP_CHANGED));
        ObjectNode current = released.deepCopy();
        ObjectNode member = (ObjectNode) properties(current).get("members").get("items");
        ((ArrayNode) member.get("required")).add("acceptedOn").add("consent");

        assertThat(SchemaCompatibility.breakingChanges(released, current))
                .containsExactly(
                        "$.members[]: property 'acceptedOn' is newly required; events published before lack it",
                        "$.members[]: property 'consent' is newly required; events published before lack it");
    }

    @Test
    void acceptsANewOptionalProperty() {
        ObjectNode current = coursePublished();
        properties(current).putObject("keywords").put("type", "array");

        assertThat(SchemaCompatibility.breakingChanges(coursePublished(), current))
                .isEmpty();
    }

    @Test
    void findsANewRequiredProperty() {
        ObjectNode current = coursePublished();
        properties(current).putObject("creditPoints").put("type", "number");
        ((ArrayNode) current.get("required")).add("creditPoints");

        assertThat(SchemaCompatibility.breakingChanges(coursePublished(), current))
                .containsExactly("$: property 'creditPoints' is newly required; events published before lack it");
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
    void findsAnEnumValueRemoved() {
        ObjectNode released = coursePublished();
        properties(released)
                .putObject("format")
                .put("type", "string")
                .putArray("enum")
                .add("SELF_PACED")
                .add("CLASSROOM");
        ObjectNode current = released.deepCopy();
        ((ArrayNode) properties(current).get("format").get("enum")).remove(1);

        assertThat(SchemaCompatibility.breakingChanges(released, current))
                .containsExactly("$.format: enum value \"CLASSROOM\" removed");
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

    /** What the build checks: each released schema against the one published in {@code current}, by file. */
    private static List<String> breakingChanges(Path current) throws IOException {
        List<Path> released = released();
        assertThat(released).as("released schemas").isNotEmpty();
        List<String> changes = new ArrayList<>();
        for (Path releasedSchema : released) {
            Path published = current.resolve(releasedSchema.getFileName().toString());
            assertThat(published).as("a released type may not disappear").exists();
            SchemaCompatibility.breakingChanges(read(releasedSchema), read(published))
                    .forEach(change -> changes.add(releasedSchema.getFileName() + ": " + change));
        }
        return changes;
    }

    private static List<Path> released() throws IOException {
        try (Stream<Path> files = Files.list(RELEASED)) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }

    private static void copyCurrentSchemas(Path target) throws IOException {
        try (Stream<Path> files = Files.list(CURRENT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
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
