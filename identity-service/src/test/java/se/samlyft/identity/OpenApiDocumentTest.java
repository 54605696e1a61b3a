package se.samlyft.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samlyft.testsupport.KeptOpenApiDocument;
import se.samlyft.testsupport.ServiceIntegrationTest;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TypedOpenApiResponses;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document the service serves is the one kept in the repository, and describes its endpoints. */
@ServiceIntegrationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void servesTheDocumentKeptInTheRepository() throws IOException {
        KeptOpenApiDocument.assertServedOnPort(port);
    }

    @Test
    void describesTheOrganisationFederationPersonAndImportEndpoints() {
        JsonNode paths = TestHttp.onPort(port).get("/v3/api-docs", null).json().path("paths");

        assertThat(paths.propertyNames())
                .contains(
                        "/api/identity/organisations",
                        "/api/identity/organisations/{tenant}",
                        "/api/identity/federations/{federation}/members",
                        "/api/identity/federations/{federation}/members/{tenant}/leave",
                        "/api/identity/people",
                        "/api/identity/people/{id}",
                        "/api/identity/people/{id}/leave",
                        "/api/identity/people/{id}/export",
                        "/api/identity/imports",
                        "/api/identity/imports/{id}");
    }

    @Test
    void everyOperationSaysWhatItAnswers() {
        TypedOpenApiResponses.assertEveryOperationTyped(
                TestHttp.onPort(port).get("/v3/api-docs", null).json());
    }
}
