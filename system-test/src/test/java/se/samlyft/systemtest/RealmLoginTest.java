package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logins to the demo realm as the launcher imports it: brute-force detection locks a user out after repeated wrong
 * passwords, even from the right one, and the password grant works only for the try-it client {@code samlyft-web}.
 */
@Order(7)
class RealmLoginTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunningPlatform platform = RunningPlatform.get();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void repeatedWrongPasswordsLockTheUserOutEvenFromTheRightOne() throws Exception {
        String user = "storuman-deltagare-3";
        assertThat(passwordGrant("samlyft-web", user, "samlyft").statusCode())
                .as("the right password before")
                .isEqualTo(200);

        // Each wrong password is refused: as wrong (401) or, once the realm has locked the account, as locked (400).
        // The realm locks after five failures, or at once when failures follow each other within a second (its
        // quick-login check), so which attempt meets the lock depends on the machine's speed.
        for (int attempt = 0; attempt < 6; attempt++) {
            HttpResponse<String> wrong = passwordGrant("samlyft-web", user, "fel-lösenord-" + attempt);
            assertThat(wrong.statusCode()).as(wrong.body()).isIn(400, 401);
            assertThat(JSON.readTree(wrong.body()).path("error").asString()).isEqualTo("invalid_grant");
        }
        HttpResponse<String> locked = passwordGrant("samlyft-web", user, "samlyft");

        assertThat(locked.statusCode()).as(locked.body()).isIn(400, 401);
        assertThat(JSON.readTree(locked.body()).path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void onlyTheTryItClientHasThePasswordGrant() throws Exception {
        HttpResponse<String> integrator = send(Map.of(
                "grant_type", "password",
                "client_id", "samlyft-integrator",
                "client_secret", "samlyft-integrator-secret",
                "username", "arjeplog-deltagare-2",
                "password", "samlyft"));
        HttpResponse<String> identityService = send(Map.of(
                "grant_type", "password",
                "client_id", "identity-service",
                "client_secret", "identity-service-secret",
                "username", "arjeplog-deltagare-2",
                "password", "samlyft"));

        for (HttpResponse<String> refused : java.util.List.of(integrator, identityService)) {
            assertThat(refused.statusCode()).as(refused.body()).isIn(400, 401);
            JsonNode error = JSON.readTree(refused.body());
            assertThat(error.path("error").asString()).isEqualTo("unauthorized_client");
        }
        assertThat(passwordGrant("samlyft-web", "arjeplog-deltagare-2", "samlyft")
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> passwordGrant(String client, String user, String password) throws Exception {
        return send(Map.of("grant_type", "password", "client_id", client, "username", user, "password", password));
    }

    private HttpResponse<String> send(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(
                                URI.create(platform.keycloakUrl() + "/realms/samlyft/protocol/openid-connect/token"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
