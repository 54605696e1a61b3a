package se.samlyft.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes sure the realm has the web application's client ({@value #CLIENT}) as the demo realm file describes it. Keycloak
 * imports the realm file on the platform's first start only, so a platform whose data predates the web application
 * gets the client through the admin API here; one that has it is left alone.
 */
final class WebApplicationClient {

    static final String CLIENT = "samlyft-web-app";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path realmFile;
    private final String keycloak;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebApplicationClient(Settings settings) {
        this.realmFile = settings.home().resolve("deploy/keycloak/samlyft-realm.json");
        this.keycloak = Keycloak.publicUrl(settings.ports());
    }

    /** Whether the client had to be made. */
    boolean ensure() throws IOException, InterruptedException {
        String admin = KeycloakTokens.administrator(http, keycloak).value();
        String clients = keycloak + "/admin/realms/samlyft/clients";
        HttpResponse<String> existing = send(
                admin,
                HttpRequest.newBuilder(URI.create(clients + "?clientId=" + CLIENT))
                        .GET());
        if (!JSON.readTree(existing.body()).isEmpty()) {
            return false;
        }
        JsonNode described = null;
        for (JsonNode client : JSON.readTree(realmFile.toFile()).path("clients")) {
            if (client.path("clientId").asString().equals(CLIENT)) {
                described = client;
            }
        }
        if (described == null) {
            throw new IOException(realmFile + " describes no client " + CLIENT);
        }
        send(
                admin,
                HttpRequest.newBuilder(URI.create(clients))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(described.toString())));
        return true;
    }

    private HttpResponse<String> send(String token, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request.timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Keycloak's admin API answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
