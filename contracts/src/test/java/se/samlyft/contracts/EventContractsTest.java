package se.samlyft.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventContractsTest {

    private static final Path SCHEMAS = Path.of("src/main/resources", EventContracts.SCHEMA_DIRECTORY);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventContracts contracts = EventContracts.load();

    @Test
    void publishesExactlyTheTypesThatHaveASchemaFile() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            var typesWithSchema = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()));
            assertThat(contracts.types()).containsExactlyInAnyOrderElementsOf(typesWithSchema.toList());
        }
    }

    @Test
    void everySchemaIdIsTheDataschemaItsEventsCarry() {
        for (String type : contracts.types()) {
            assertThat(schemaOf(type).path("$id").asString()).isEqualTo(EventContracts.dataschemaOf(type));
            assertThat(schemaOf(type).path("$schema").asString()).isEqualTo("http://json-schema.org/draft-07/schema#");
        }
    }

    @Test
    void typeNamesAreVersionedAndNamespacedByTheProducer() {
        assertThat(contracts.types())
                .allSatisfy(type -> assertThat(type).matches("se\\.samlyft\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[0-9]+"));
    }

    @Test
    void acceptsTheExampleOfEveryType() {
        for (String type : contracts.types()) {
            assertThat(contracts.violations(type, example(type))).as(type).isEmpty();
        }
    }

    @Test
    void namesTheMissingFieldOfAnInvalidEvent() {
        ObjectNode event = (ObjectNode) JSON.readTree(example("se.samlyft.catalog.course-published.v1"));
        event.remove("owner");
        event.put("version", 0);

        var violations = contracts.violations("se.samlyft.catalog.course-published.v1", event.toString());

        assertThat(violations).hasSize(2);
        assertThat(String.join("\n", violations)).contains("owner", "version");
        assertThatThrownBy(() -> contracts.requireValid("se.samlyft.catalog.course-published.v1", event.toString()))
                .isInstanceOf(EventContracts.InvalidEvent.class)
                .hasMessageContaining("owner");
    }

    @Test
    void judgesAnAlreadyParsedDocumentAsItsText() {
        for (String type : contracts.types()) {
            assertThat(contracts.violations(type, JSON.readTree(example(type))))
                    .as(type)
                    .isEmpty();
        }
        ObjectNode event = (ObjectNode) JSON.readTree(example("se.samlyft.catalog.course-published.v1"));
        event.remove("owner");
        event.put("version", 0);

        assertThat(contracts.violations("se.samlyft.catalog.course-published.v1", event))
                .isEqualTo(contracts.violations("se.samlyft.catalog.course-published.v1", event.toString()))
                .hasSize(2);
        assertThatThrownBy(() -> contracts.requireValid("se.samlyft.catalog.course-published.v1", event))
                .isInstanceOf(EventContracts.InvalidEvent.class)
                .hasMessageContaining("owner");
        assertThat(contracts.violations("se.samlyft.catalog.course-renamed.v1", JSON.createObjectNode()))
                .containsExactly("'se.samlyft.catalog.course-renamed.v1' is not a published event type");
    }

    @Test
    void refusesAnUnknownType() {
        assertThat(contracts.violations("se.samlyft.catalog.course-renamed.v1", "{}"))
                .containsExactly("'se.samlyft.catalog.course-renamed.v1' is not a published event type");
    }

    @Test
    void keepsSwedishTextIntact() {
        String event = example("se.samlyft.catalog.course-published.v1");

        assertThat(JSON.readTree(event).path("title").asString()).contains("säkert", "–");
        assertThat(contracts.violations("se.samlyft.catalog.course-published.v1", event))
                .isEmpty();
    }

    private static JsonNode schemaOf(String type) {
        return JSON.readTree(SCHEMAS.resolve(type + ".json").toFile());
    }

    static String example(String type) {
        try {
            return Files.readString(Path.of("src/test/resources/examples", type + ".json"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("Every published type needs an example: " + type, e);
        }
    }
}
