package se.samlyft.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI document, as it serves it at {@code /v3/api-docs}, is the one kept in its module as
 * {@code openapi.json}, so that a change of the API changes the file in the same commit. With the environment variable
 * {@code SAMLYFT_WRITE_OPENAPI=true} the check writes the served document to the file instead.
 */
public final class KeptOpenApiDocument {

    private static final Path KEPT = Path.of("openapi.json");
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private KeptOpenApiDocument() {}

    /** Fails unless the service on {@code port} serves the kept document; answers the served one. */
    public static JsonNode assertServedOnPort(int port) throws IOException {
        TestHttp.Response served = TestHttp.onPort(port).get("/v3/api-docs", null);
        assertThat(served.status()).as("GET /v3/api-docs").isEqualTo(200);
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
        return document;
    }
}
