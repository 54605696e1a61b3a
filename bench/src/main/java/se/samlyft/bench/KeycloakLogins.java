package se.samlyft.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import se.samlyft.deploy.KeycloakTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bench's logins, made through Keycloak's admin API as the demo realm's are made by its import: an Organization
 * per tenant (alias = tenant id) and, for each tenant, one user of a role with the {@code personId} attribute that the
 * tokens carry as {@code person_id}, a member of the tenant's Organization, with the password {@link Api#PASSWORD}.
 * What exists already is found and kept, so a repeated run makes nothing twice.
 */
final class KeycloakLogins {

    private final String admin;
    private final String realm;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> roleIds = new ConcurrentHashMap<>();
    private volatile String token = "";
    private volatile Instant renewAt = Instant.EPOCH;

    /** @param keycloak Keycloak's address, e.g. {@code http://localhost:38180} */
    KeycloakLogins(String keycloak) {
        this.admin = keycloak;
        this.realm = keycloak + "/admin/realms/samlyft";
    }

    /** The Organization of {@code tenant}, made if missing; its id. */
    String organisation(String tenant, String name) throws IOException, InterruptedException {
        ObjectNode body = Api.JSON
                .createObjectNode()
                .put("alias", tenant)
                .put("name", name)
                .put("enabled", true);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(realm + "/organizations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IOException(
                    "Keycloak made no organisation " + tenant + ": " + created.statusCode() + " " + created.body());
        }
        if (created.statusCode() == 201) {
            String location = created.headers().firstValue("Location").orElseThrow();
            return location.substring(location.lastIndexOf('/') + 1);
        }
        // There already, perhaps under another name (the demo realm's organisations): found by its alias, which is
        // part of the name of every organisation the bench or the demo realm makes.
        for (String search : new String[] {tenant.replace('-', ' '), name}) {
            HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(realm + "/organizations?first=0&max=100"
                            + "&search=" + URLEncoder.encode(search, StandardCharsets.UTF_8)))
                    .GET());
            expect(found, "search for the organisation " + tenant);
            for (JsonNode organisation : Api.JSON.readTree(found.body())) {
                if (organisation.path("alias").asString().equals(tenant)) {
                    return organisation.path("id").asString();
                }
            }
        }
        throw new IOException("Keycloak has no organisation with the alias " + tenant);
    }

    /**
     * A user {@code username} of {@code role}, a member of the Organization {@code organisationId}, made if missing;
     * the person id its tokens carry (an existing user's own).
     */
    UUID user(String username, String givenName, String familyName, UUID personId, String role, String organisationId)
            throws IOException, InterruptedException {
        ObjectNode body = Api.JSON
                .createObjectNode()
                .put("username", username)
                .put("enabled", true)
                .put("emailVerified", true)
                .put("firstName", givenName)
                .put("lastName", familyName)
                .put("email", username + "@samlyft.example");
        body.putObject("attributes").putArray("personId").add(personId.toString());
        body.putArray("credentials")
                .addObject()
                .put("type", "password")
                .put("value", Api.PASSWORD)
                .put("temporary", false);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(realm + "/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (created.statusCode() == 409) {
            HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(realm + "/users?exact=true&username="
                            + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                    .GET());
            expect(found, "user " + username);
            String existing = Api.JSON
                    .readTree(found.body())
                    .path(0)
                    .path("attributes")
                    .path("personId")
                    .path(0)
                    .asString();
            if (existing.isEmpty()) {
                throw new IOException("Keycloak's user " + username + " has no personId");
            }
            return UUID.fromString(existing);
        }
        if (created.statusCode() != 201) {
            throw new IOException(
                    "Keycloak made no user " + username + ": " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);
        ObjectNode mapping = Api.JSON.createObjectNode().put("id", roleId(role)).put("name", role);
        expect(
                send(HttpRequest.newBuilder(URI.create(realm + "/users/" + userId + "/role-mappings/realm"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + mapping + "]"))),
                "role " + role + " for " + username);
        expect(
                send(HttpRequest.newBuilder(URI.create(realm + "/organizations/" + organisationId + "/members"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("\"" + userId + "\""))),
                "membership of " + username);
        return personId;
    }

    private String roleId(String role) throws IOException, InterruptedException {
        String id = roleIds.get(role);
        if (id == null) {
            HttpResponse<String> found = send(
                    HttpRequest.newBuilder(URI.create(realm + "/roles/" + role)).GET());
            expect(found, "role " + role);
            id = Api.JSON.readTree(found.body()).path("id").asString();
            roleIds.put(role, id);
        }
        return id;
    }

    private static void expect(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(
                    "Keycloak refused the " + what + ": " + response.statusCode() + " " + response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + adminToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private synchronized String adminToken() throws IOException, InterruptedException {
        if (Instant.now().isBefore(renewAt)) {
            return token;
        }
        KeycloakTokens.Token granted = KeycloakTokens.administrator(http, admin);
        token = granted.value();
        renewAt = Instant.now().plusSeconds(Math.max(5, granted.expiresInSeconds() - 20));
        return token;
    }
}
