package se.samlyft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.samlyft.testsupport.TestHttp;

/** The services' OpenAPI documents in one place, open without a token. */
class ApiDocsTest extends GatewayTestBase {

    @Test
    void listsTheDocumentOfEveryService() {
        TestHttp.Response list = http.get("/api/docs", null);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()
                        .get("documents")
                        .valueStream()
                        .map(document -> document.get("service").asString() + " "
                                + document.get("url").asString())
                        .toList())
                .contains(
                        "catalog /api/docs/catalog",
                        "enrolment /api/docs/enrolment",
                        "identity /api/docs/identity",
                        "reporting /api/docs/reporting",
                        "integration /api/docs/integration");
        assertThat(list.json().get("asyncApi").asString()).isEqualTo("/api/docs/asyncapi.yaml");
    }

    @Test
    void servesTheAsyncApiDocumentAndTheSchemaOfEveryTypeItRefersToWithoutAToken() {
        TestHttp.Response document = http.get("/api/docs/asyncapi.yaml", null);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.header("Content-Type")).startsWith("application/yaml");
        assertThat(document.body()).startsWith("asyncapi: 3.0.0").contains("/api/integrations/events");
        java.util.regex.Matcher references =
                java.util.regex.Pattern.compile("\\$ref: '\\./events/([^']+)'").matcher(document.body());
        int referenced = 0;
        while (references.find()) {
            TestHttp.Response schema = http.get("/api/docs/events/" + references.group(1), null);
            assertThat(schema.status()).as(references.group(1)).isEqualTo(200);
            assertThat(schema.json().get("$id").asString())
                    .endsWith(references.group(1).replace(".json", ""));
            referenced++;
        }
        assertThat(referenced).isGreaterThanOrEqualTo(30);
        assertThat(http.get("/api/docs/events/se.samlyft.kassa.v1.json", null).status())
                .isEqualTo(404);
        assertThat(http.get("/api/docs/events/..%2Fasyncapi.yaml", null).status())
                .isIn(400, 404);
    }

    @Test
    void servesEachServicesOwnDocument() {
        TestHttp.Response catalog = http.get("/api/docs/catalog", null);
        TestHttp.Response reporting = http.get("/api/docs/reporting", null);

        assertThat(catalog.json().get("info").get("title").asString()).isEqualTo("catalog");
        assertThat(reporting.json().get("info").get("title").asString()).isEqualTo("reporting");
        assertThat(REPORTING.received())
                .extracting(StandInService.Received::path)
                .containsExactly("/v3/api-docs");
    }

    @Test
    void answersADocumentOfAStoppedServiceOrAnUnknownOneWithAProblem() {
        TestHttp.Response stopped = http.get("/api/docs/archive", null);
        TestHttp.Response unknown = http.get("/api/docs/kassa", null);

        assertThat(stopped.status()).isEqualTo(503);
        assertThat(stopped.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
    }
}
