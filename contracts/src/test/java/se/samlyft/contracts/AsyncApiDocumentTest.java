package se.samlyft.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class AsyncApiDocumentTest {

    private static final Path RESOURCES = Path.of("src/main/resources/contracts");
    private static final JsonNode DOCUMENT = YAMLMapper.builder()
            .build()
            .readTree(RESOURCES.resolve("asyncapi.yaml").toFile());

    private final EventContracts contracts = EventContracts.load();

    @Test
    void isAnAsyncApi3Document() {
        assertThat(DOCUMENT.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(DOCUMENT.path("info").path("title").asString()).isNotBlank();
    }

    @Test
    void describesEveryPublishedTypeAsAMessageWithItsSchema() {
        List<String> names = new ArrayList<>();
        for (JsonNode message : DOCUMENT.path("components").path("messages")) {
            String name = message.path("name").asString();
            if (!name.startsWith("se.samlyft.")) {
                continue;
            }
            names.add(name);
            String schemaReference =
                    message.path("payload").path("schema").path("$ref").asString();
            assertThat(schemaReference).as(name).isEqualTo("./events/" + name + ".json");
            assertThat(RESOURCES.resolve(schemaReference)).as(name).exists();
            assertThat(message.path("payload").path("schemaFormat").asString())
                    .isEqualTo("application/schema+json;version=draft-07");
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(contracts.types());
    }

    @Test
    void putsEachMessageOnItsProducersTopic() {
        for (JsonNode channel : kafkaChannels()) {
            String address = channel.path("address").asString();
            assertThat(address).matches("samlyft\\.[a-z]+\\.events");
            String producer = address.split("\\.")[1];
            for (JsonNode message : channel.path("messages")) {
                String reference = message.path("$ref").asString();
                String name = DOCUMENT.at(reference.substring(1)).path("name").asString();
                assertThat(name).as(reference).startsWith("se.samlyft." + producer + ".");
            }
        }
    }

    @Test
    void describesTheWebhooksAndTheFeedWithTheirHeadersAndTheStructuredCloudEvent() {
        JsonNode schemas = DOCUMENT.path("components").path("schemas");

        assertThat(kafkaChannels()).hasSize(3);
        assertThat(DOCUMENT.path("channels").path("eventFeed").path("address").asString())
                .isEqualTo("/api/integrations/events");
        assertThat(DOCUMENT.path("channels").path("webhook").path("address").isNull())
                .isTrue();
        assertThat(schemas.path("webhookHeaders").path("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("webhook-id", "webhook-timestamp", "webhook-signature", "content-type");
        assertThat(schemas.path("structuredCloudEvent")
                        .path("required")
                        .valueStream()
                        .map(JsonNode::asString))
                .contains("specversion", "id", "type", "tenantid", "data");
        assertThat(DOCUMENT.path("operations")
                        .path("deliverWebhooks")
                        .path("bindings")
                        .path("http")
                        .path("method")
                        .asString())
                .isEqualTo("POST");
        assertThat(DOCUMENT.path("components")
                        .path("messages")
                        .path("eventBatch")
                        .path("contentType")
                        .asString())
                .isEqualTo("application/cloudevents-batch+json");
    }

    private static List<JsonNode> kafkaChannels() {
        List<JsonNode> channels = new ArrayList<>();
        DOCUMENT.path("channels").forEach(channel -> {
            if (channel.path("address").asString("").startsWith("samlyft.")) {
                channels.add(channel);
            }
        });
        return channels;
    }

    @Test
    void requiresTheCloudEventsAttributesAndTheTenant() {
        JsonNode headers = DOCUMENT.path("components").path("schemas").path("cloudEventHeaders");

        assertThat(headers.path("required").valueStream().map(JsonNode::asString))
                .contains("ce_id", "ce_type", "ce_source", "ce_specversion", "ce_tenantid");
    }
}
