package se.samlyft.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import se.samlyft.deploy.KeycloakTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's HTTP API as the bench uses it: tokens from Keycloak's password grant for the bench's logins (kept
 * until shortly before they expire), creating requests with an {@code Idempotency-Key} so that a retry after a lost
 * answer creates nothing twice, and a few retries when a service is briefly unreachable or busy.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "samlyft";

    private static final int ATTEMPTS = 4;

    private final String keycloak;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAt) {}

    /** A refusal or failure of a request, with the status and the problem the service answered. */
    static final class Refused extends RuntimeException {
        private final int status;

        Refused(String request, int status, String body) {
            super(request + " answered " + status + ": " + body);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** @param keycloak the realm's issuer URL, e.g. {@code http://localhost:38180/realms/samlyft} */
    Api(String keycloak) {
        this.keycloak = keycloak;
    }

    /** POSTs JSON as {@code user} with the given idempotency key; the answer's body, or {@link Refused} with the problem. */
    JsonNode post(String user, String url, Object body, UUID idempotencyKey) {
        return send(
                user,
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", idempotencyKey.toString())
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** POSTs bytes of the given media type as {@code user}. */
    JsonNode postBytes(String user, String url, String mediaType, byte[] body) {
        return send(
                user,
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", mediaType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    JsonNode get(String user, String url) {
        return send(user, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** An open endpoint's text, such as {@code /actuator/prometheus}. */
    String getText(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new Refused("GET " + url, response.statusCode(), response.body());
        }
        return response.body();
    }

    /** The raw exchange, for measuring: status and body, no retries. */
    HttpResponse<String> exchange(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token(user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode send(String user, HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(120)).build();
        String what = built.method() + " " + built.uri().getPath() + " as " + user;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(built, (name, value) -> true)
                                .setHeader("Authorization", "Bearer " + token(user))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
                }
                if ((status == 503 || status == 429 || status == 500) && attempt < ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                throw new Refused(what, status, response.body());
            } catch (IOException e) {
                if (attempt >= ATTEMPTS) {
                    throw new Refused(what, 0, e.toString());
                }
                pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Refused(what, 0, "interrupted");
            }
        }
    }

    /** A valid access token of the bench login {@code user}. */
    String token(String user) throws IOException, InterruptedException {
        Token token = tokens.get(user);
        if (token != null && Instant.now().isBefore(token.renewAt())) {
            return token.value();
        }
        KeycloakTokens.Token granted = KeycloakTokens.password(http, keycloak, "samlyft-web", user, PASSWORD);
        token = new Token(granted.value(), Instant.now().plusSeconds(Math.max(5, granted.expiresInSeconds() - 60)));
        tokens.put(user, token);
        return token.value();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(500L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
