package se.samlyft.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from the local platform's Keycloak by the password grant: a demo or bench login's through the
 * realm's public client, and Keycloak's administrator's through the master realm.
 */
public final class KeycloakTokens {

    /** An access token and how many seconds it is valid for. */
    public record Token(String value, long expiresInSeconds) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeycloakTokens() {}

    /** The token of {@code username} from the realm whose issuer URL is {@code issuer}, through {@code client}. */
    public static Token password(HttpClient http, String issuer, String client, String username, String password)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8)
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "Keycloak gave " + username + " no token: " + response.statusCode() + " " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        return new Token(
                answer.path("access_token").asString(),
                answer.path("expires_in").asLong(60));
    }

    /** The token of Keycloak's administrator, for its admin API; {@code keycloak} is its address. */
    public static Token administrator(HttpClient http, String keycloak) throws IOException, InterruptedException {
        return password(
                http, keycloak + "/realms/master", "admin-cli", Keycloak.ADMIN_USERNAME, Keycloak.ADMIN_PASSWORD);
    }
}
