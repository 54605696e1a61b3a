package se.samlyft.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import se.samlyft.testsupport.KeptOpenApiDocument;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TypedOpenApiResponses;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document the service serves is the one kept in the repository, and describes the integrations API. */
class OpenApiDocumentTest extends AgainstIntegration {

    @Test
    void servesTheDocumentKeptInTheRepositoryWithSubscriptionsDeliveriesAndTheFeed() throws IOException {
        JsonNode document = KeptOpenApiDocument.assertServedOnPort(port);

        assertThat(document.path("info").path("title").asString()).isEqualTo("Samlyft integrations");
        assertThat(document.path("paths").propertyNames())
                .contains(
                        "/api/integrations/events",
                        "/api/integrations/subscriptions",
                        "/api/integrations/subscriptions/{id}/replay",
                        "/api/integrations/subscriptions/{subscriptionId}/deliveries/{deliveryId}");
    }

    @Test
    void everyOperationSaysWhatItAnswers() {
        TypedOpenApiResponses.assertEveryOperationTyped(
                TestHttp.onPort(port).get("/v3/api-docs", null).json());
    }
}
