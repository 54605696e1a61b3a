package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;

/** The API calls the journeys make through the gateway: a POST with its own idempotency key, and answers expected. */
final class GatewayCalls {

    private GatewayCalls() {}

    /** A POST of {@code body} as JSON (none when null) with a new {@code Idempotency-Key}. */
    static TestHttp.Response post(TestHttp gateway, String token, String path, @Nullable JsonNode body) {
        return post(gateway, token, path, body, UUID.randomUUID());
    }

    /** A POST of {@code body} as JSON (none when null) with the {@code Idempotency-Key} {@code key}. */
    static TestHttp.Response post(
            TestHttp gateway, String token, String path, @Nullable JsonNode body, UUID idempotencyKey) {
        HttpRequest.Builder request = gateway.request(path, token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey.toString());
        request.POST(
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        return gateway.send(request.build());
    }

    /** The body of a 201, failing with the answer's body otherwise. */
    static JsonNode created(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    /** The body of a 200, failing with the answer's body otherwise. */
    static JsonNode ok(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
