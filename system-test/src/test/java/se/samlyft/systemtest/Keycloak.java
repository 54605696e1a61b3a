package se.samlyft.systemtest;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Real tokens from the platform's Keycloak, for the demo realm's people (password {@code samlyft}). */
final class Keycloak {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "samlyft";
    private static final String WEB_CLIENT = "samlyft-web";
    static final String SHORT_LIVED_CLIENT = "samlyft-system-test-short-lived";

    private final String url;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Keycloak(String url) {
        this.url = url;
    }

    /** An access token of the demo user (for example {@code arvidsjaur-samordnare}), fetched once per run. */
    String tokenOf(String username) {
        return tokens.computeIfAbsent(username, user -> passwordGrant(WEB_CLIENT, user));
    }

    /** A fresh access token of the demo user from the client given. */
    String passwordGrant(String client, String username) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", client);
        form.put("username", username);
        form.put("password", PASSWORD);
        return post("/realms/samlyft/protocol/openid-connect/token", form)
                .path("access_token")
                .asString();
    }

    /** An access token of a confidential client, by the client-credentials grant. */
    String clientCredentials(String client, String secret) {
        return post(
                        "/realms/samlyft/protocol/openid-connect/token",
                        Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret))
                .path("access_token")
                .asString();
    }

    /**
     * Adds a copy of the web client whose access tokens live one second, so that a test can hold a genuine token of
     * the realm that has expired. The copy has the web client's mappers and scopes, so its tokens differ only in their
     * lifetime.
     */
    void addShortLivedClient() {
        String admin = adminToken();
        JsonNode web = send(HttpRequest.newBuilder(
                                URI.create(url + "/admin/realms/samlyft/clients?clientId=" + WEB_CLIENT))
                        .header("Authorization", "Bearer " + admin)
                        .GET())
                .get(0);
        ObjectNode copy = JSON.createObjectNode()
                .put("clientId", SHORT_LIVED_CLIENT)
                .put("publicClient", true)
                .put("directAccessGrantsEnabled", true)
                .put("standardFlowEnabled", false)
                .put("protocol", "openid-connect");
        copy.putObject("attributes").put("access.token.lifespan", "1");
        ArrayNode mappers = copy.putArray("protocolMappers");
        web.path("protocolMappers").forEach(mapper -> mappers.add(withoutId(mapper)));
        copy.set("defaultClientScopes", web.path("defaultClientScopes"));
        copy.set("optionalClientScopes", web.path("optionalClientScopes"));
        HttpResponse<String> created = sendRaw(HttpRequest.newBuilder(URI.create(url + "/admin/realms/samlyft/clients"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(copy.toString())));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException(
                    "Keycloak refused the short-lived client: " + created.statusCode() + " " + created.body());
        }
    }

    /**
     * Gives the realm's user with this e-mail address the demo password, once provisioning has made the user, as the
     * person would set it through Keycloak's own flows: users that identity provisions get no password. Answers
     * whether the user existed.
     */
    boolean givePassword(String email) {
        String admin = adminToken();
        JsonNode users = send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/samlyft/users?exact=true&email="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + admin)
                .GET());
        if (users.isEmpty()) {
            return false;
        }
        HttpResponse<String> reset = sendRaw(HttpRequest.newBuilder(URI.create(url + "/admin/realms/samlyft/users/"
                        + users.get(0).path("id").asString() + "/reset-password"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"password\",\"value\":\"" + PASSWORD + "\",\"temporary\":false}")));
        if (reset.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak answered " + reset.statusCode() + ": " + reset.body());
        }
        return true;
    }

    private String adminToken() {
        return post(
                        "/realms/master/protocol/openid-connect/token",
                        Map.of(
                                "grant_type", "password",
                                "client_id", "admin-cli",
                                "username", "admin",
                                "password", "admin"))
                .path("access_token")
                .asString();
    }

    private static ObjectNode withoutId(JsonNode mapper) {
        ObjectNode copy = (ObjectNode) mapper.deepCopy();
        copy.remove("id");
        return copy;
    }

    private JsonNode post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response = sendRaw(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> sendRaw(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak at " + url + " did not answer", e);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
