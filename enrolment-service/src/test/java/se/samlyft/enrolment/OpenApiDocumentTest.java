package se.samlyft.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samlyft.testsupport.KeptOpenApiDocument;
import se.samlyft.testsupport.ServiceIntegrationTest;
import se.samlyft.testsupport.TestHttp;
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

    @Test
    void listsTheRealResponsesOfTheOperations() {
        JsonNode paths = TestHttp.onPort(port).get("/v3/api-docs", null).json().path("paths");

        JsonNode request = paths.path("/api/enrolments").path("post").path("responses");
        assertThat(request.propertyNames()).contains("201", "400", "403", "404", "409", "503");
        assertThat(request.propertyNames()).doesNotContain("200");
        assertThat(request.path("201").toString()).contains("EnrolmentView");
        JsonNode approve =
                paths.path("/api/enrolments/{id}/approve").path("post").path("responses");
        assertThat(approve.propertyNames()).contains("200", "403", "404", "409", "412");
        assertThat(approve.path("403").path("content").propertyNames()).containsExactly("application/problem+json");
    }
}
