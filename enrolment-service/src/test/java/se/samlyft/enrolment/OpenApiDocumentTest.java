package se.samlyft.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samlyft.testsupport.ServiceIntegrationTest;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the service serves is the one kept in the repository, so that a change of the API changes
 * {@code openapi.json} in the same commit. With the environment variable {@code SAMLYFT_WRITE_OPENAPI=true} the test
 * writes the served document to the file instead.
 */
@ServiceIntegrationTest
class OpenApiDocumentTest {

    private static final Path KEPT = Path.of("openapi.json");
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    @Test
    void servesTheDocumentKeptInTheRepository() throws IOException {
        var served = TestHttp.onPort(port).get("/v3/api-docs", null);
        assertThat(served.status()).isEqualTo(200);
        JsonNode document = served.json();
        if ("true".equals(System.getenv("SAMLYFT_WRITE_OPENAPI"))) {
            Files.writeString(KEPT, JSON.writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
        }

        assertThat(KEPT).as("the kept OpenAPI document").exists();
        assertThat(document)
                .as(
                        "the served OpenAPI document differs from %s; run this test with SAMLYFT_WRITE_OPENAPI=true and"
                                + " commit the file",
                        KEPT)
                .isEqualTo(JSON.readTree(Files.readString(KEPT, StandardCharsets.UTF_8)));
    }

    @Test
    void describesTheEnrolmentEndpoints() {
        JsonNode paths = TestHttp.onPort(port).get("/v3/api-docs", null).json().path("paths");

        assertThat(paths.propertyNames())
                .contains(
                        "/api/enrolments",
                        "/api/enrolments/{id}",
                        "/api/enrolments/{id}/withdraw",
                        "/api/enrolments/{id}/approve",
                        "/api/enrolments/{id}/decline",
                        "/api/enrolments/{id}/progress",
                        "/api/enrolments/{id}/time-statements",
                        "/api/enrolments/{id}/evaluation");
    }
}
