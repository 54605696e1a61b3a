package se.samlyft.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of a service's OpenAPI document says what it really answers: not a bare {@code 200 object}, but
 * typed success bodies (or none, as for 204) and its problems as {@code application/problem+json}.
 */
public final class TypedOpenApiResponses {

    private static final String PROBLEM_JSON = "application/problem+json";

    private TypedOpenApiResponses() {}

    /** Fails naming each operation of {@code document} whose responses are untyped or lack their problems. */
    public static void assertEveryOperationTyped(JsonNode document) {
        List<String> untyped = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                JsonNode responses = operation.getValue().path("responses");
                untyped.addAll(problemsOf(name, responses));
            }
        }
        assertThat(untyped).as("operations whose responses are not typed").isEmpty();
    }

    private static List<String> problemsOf(String operation, JsonNode responses) {
        List<String> found = new ArrayList<>();
        List<String> codes = responses.propertyNames().stream().toList();
        if (codes.equals(List.of("200")) && isBare(responses.path("200"))) {
            found.add(operation + ": its only response is a bare 200 object");
        }
        boolean problems = false;
        for (String code : codes) {
            JsonNode content = responses.path(code).path("content");
            if (code.startsWith("2")) {
                if (content.has("*/*")) {
                    found.add(operation + ": " + code + " offers */* instead of its media type");
                }
                for (Map.Entry<String, JsonNode> media : content.properties()) {
                    if (isBareSchema(media.getValue().path("schema"))) {
                        found.add(operation + ": " + code + " " + media.getKey() + " is a bare object");
                    }
                }
            }
            if (code.startsWith("4")) {
                problems = true;
                if (!content.has(PROBLEM_JSON)) {
                    found.add(operation + ": " + code + " is not an " + PROBLEM_JSON + " problem");
                }
            }
        }
        if (!problems) {
            found.add(operation + ": lists no problem (4xx) it may answer");
        }
        return found;
    }

    private static boolean isBare(JsonNode response) {
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, JsonNode> media : content.properties()) {
            if (!isBareSchema(media.getValue().path("schema"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBareSchema(JsonNode schema) {
        return !schema.has("$ref")
                && !schema.has("properties")
                && !schema.has("items")
                && !schema.has("additionalProperties")
                && !schema.has("oneOf")
                && (schema.path("type").isMissingNode()
                        || "object".equals(schema.path("type").asString()));
    }
}
