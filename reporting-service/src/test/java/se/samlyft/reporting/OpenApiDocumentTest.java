package se.samlyft.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samlyft.testsupport.KeptOpenApiDocument;
import se.samlyft.testsupport.ServiceIntegrationTest;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TypedOpenApiResponses;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document the service serves is the one kept in the repository, and describes its reports. */
@ServiceIntegrationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void servesTheDocumentKeptInTheRepositoryWithTheReports() throws IOException {
        JsonNode document = KeptOpenApiDocument.assertServedOnPort(port);

        assertThat(document.path("info").path("title").asString()).isEqualTo("Samlyft reporting");
        assertThat(document.path("paths").propertyNames()).anyMatch(path -> path.startsWith("/api/reports/"));
    }

    @Test
    void everyOperationSaysWhatItAnswers() {
        TypedOpenApiResponses.assertEveryOperationTyped(
                TestHttp.onPort(port).get("/v3/api-docs", null).json());
    }
}
