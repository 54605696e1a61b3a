package se.samlyft.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gives the demo realm's integrator client the client scope {@code reporting}, which reporting-service asks of an
 * integrator's token before it shows aggregates. The scope is made through Keycloak's admin API rather than in the
 * realm file, because a realm file that lists client scopes replaces Keycloak's built-in ones. Doing it again changes
 * nothing.
 */
final class IntegratorScopes {

    static final String SCOPE = "reporting";
    private static final String CLIENT = "samlyft-integrator";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String keycloak;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    IntegratorScopes(Settings settings) {
        this.keycloak = Keycloak.publicUrl(settings.ports());
    }

    /** Makes the scope unless it exists, and makes it a default scope of the integrator client. */
    void ensure() throws IOException, InterruptedException {
        String admin = adminToken();
        String realm = keycloak + "/admin/realms/samlyft";
        JsonNode scope = find(send(
                admin,
                HttpRequest.newBuilder(URI.create(realm + "/client-scopes")).GET()));
        if (scope == null) {
            ObjectNode created = JSON.createObjectNode().put("name", SCOPE).put("protocol", "openid-connect");
            created.putObject("attributes")
                    .put("include.in.token.scope", "true")
                    .put("display.on.consent.screen", "false");
            send(
                    admin,
                    HttpRequest.newBuilder(URI.create(realm + "/client-scopes"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(created.toString())));
            scope = find(send(
                    admin,
                    HttpRequest.newBuilder(URI.create(realm + "/client-scopes")).GET()));
            if (scope == null) {
                throw new IOException("Keycloak made no client scope " + SCOPE);
            }
        }
        JsonNode clients = send(
                admin,
                HttpRequest.newBuilder(URI.create(realm + "/clients?clientId=" + CLIENT))
                        .GET());
        if (clients.isEmpty()) {
            throw new IOException("The realm has no client " + CLIENT);
        }
        send(
                admin,
                HttpRequest.newBuilder(URI.create(
                                realm + "/clients/" + clients.get(0).path("id").asString() + "/default-client-scopes/"
                                        + scope.path("id").asString()))
                        .PUT(HttpRequest.BodyPublishers.noBody()));
    }

    private static JsonNode find(JsonNode scopes) {
        for (JsonNode scope : scopes) {
            if (scope.path("name").asString().equals(SCOPE)) {
                return scope;
            }
        }
        return null;
    }

    private String adminToken() throws IOException, InterruptedException {
        return KeycloakTokens.administrator(http, keycloak).value();
    }

    private JsonNode send(String token, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request.timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Keycloak's admin API answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.createArrayNode() : JSON.readTree(response.body());
    }
}
