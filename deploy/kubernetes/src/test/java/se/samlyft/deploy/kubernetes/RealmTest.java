package se.samlyft.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production realm is the demo realm's shape without its demo: the same roles and user profile, no people, no
 * organisations, no password grant, every client secret a placeholder filled from a Secret, and the web application's
 * addresses on the overlay's host.
 */
class RealmTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z_]+)}$");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theRealmHasTheDemoRealmsShapeWithoutItsDemo(String overlay) throws IOException {
        JsonNode demo =
                JsonMapper.builder().build().readTree(Files.readString(Path.of("../keycloak/samlyft-realm.json")));
        Manifest imported = Rendered.ofKind(overlay, "KeycloakRealmImport").getFirst();
        JsonNode realm = imported.object().path("spec").path("realm");

        assertThat(names(realm.path("roles").path("realm")))
                .isEqualTo(names(demo.path("roles").path("realm")));
        assertThat(realm.path("components")).isEqualTo(demo.path("components"));
        assertThat(realm.path("organizationsEnabled").asBoolean()).isTrue();
        assertThat(realm.has("organizations")).isFalse();
        List<String> users = new ArrayList<>();
        realm.path("users").forEach(user -> users.add(user.path("username").asString()));
        assertThat(users).allMatch(user -> user.startsWith("service-account-"));
        assertThat(realm.toString()).doesNotContain("\"credentials\"");

        Set<String> placeholders = new TreeSet<>();
        imported.object().path("spec").path("placeholders").propertyNames().forEach(placeholders::add);
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asString();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false))
                    .as(id + " has no password grant")
                    .isFalse();
            if (!client.path("publicClient").asBoolean(false)) {
                Matcher secret = PLACEHOLDER.matcher(client.path("secret").asString(""));
                assertThat(secret.matches())
                        .as(id + "'s secret is a placeholder")
                        .isTrue();
                assertThat(placeholders)
                        .as(id + "'s secret comes from a Secret")
                        .contains(secret.group(1));
            }
        }

        String host = Rendered.ofKind(overlay, "ConfigMap").stream()
                .filter(map -> map.name().startsWith("samlyft-hosts"))
                .findFirst()
                .orElseThrow()
                .object()
                .path("data")
                .path("PUBLIC_HOST")
                .asString();
        JsonNode webApp = List.copyOf(toList(realm.path("clients"))).stream()
                .filter(client -> client.path("clientId").asString().equals("samlyft-web-app"))
                .findFirst()
                .orElseThrow();
        if (Rendered.byKustomize()) {
            // Only kustomize copies the overlay's host into the realm (components/public-hosts).
            assertThat(webApp.path("redirectUris").path(0).asString())
                    .isEqualTo("https://" + host + "/login/oauth2/code/keycloak");
        }
        assertThat(webApp.path("redirectUris").path(0).asString()).matches("https://[^/]+/login/oauth2/code/keycloak");
        assertThat(webApp.path("attributes").path("pkce.code.challenge.method").asString())
                .isEqualTo("S256");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theServicesUseTheRealmsClientsWithTheSecretsTheImportFillsThemWith(String overlay) {
        Manifest imported = Rendered.ofKind(overlay, "KeycloakRealmImport").getFirst();
        JsonNode placeholders = imported.object().path("spec").path("placeholders");
        Map<String, String> secretOfClient = new TreeMap<>();
        for (JsonNode client : imported.object().path("spec").path("realm").path("clients")) {
            Matcher secret = PLACEHOLDER.matcher(client.path("secret").asString(""));
            if (secret.matches()) {
                JsonNode from = placeholders.path(secret.group(1)).path("secret");
                secretOfClient.put(
                        client.path("clientId").asString(),
                        from.path("name").asString() + " " + from.path("key").asString());
            }
        }
        // Each confidential client of the realm, the Deployment that logs in as it, and the variables it does so with.
        Map<String, List<String>> clients = Map.of(
                "samlyft-web-app",
                List.of("web", "SAMLYFT_WEB_KEYCLOAK_CLIENT_ID", "SAMLYFT_WEB_KEYCLOAK_CLIENT_SECRET"),
                "identity-service",
                List.of(
                        "identity-service",
                        "SAMLYFT_IDENTITY_KEYCLOAK_CLIENT_ID",
                        "SAMLYFT_IDENTITY_KEYCLOAK_CLIENT_SECRET"));
        assertThat(secretOfClient).containsOnlyKeys(clients.keySet());
        for (Map.Entry<String, List<String>> client : clients.entrySet()) {
            Manifest deployment = Rendered.ofKind(overlay, "Deployment").stream()
                    .filter(candidate ->
                            candidate.name().equals(client.getValue().get(0)))
                    .findFirst()
                    .orElseThrow();
            Map<String, JsonNode> environment = new TreeMap<>();
            deployment
                    .containers()
                    .getFirst()
                    .path("env")
                    .forEach(variable -> environment.put(variable.path("name").asString(), variable));
            JsonNode id = environment.get(client.getValue().get(1));
            if (id != null) {
                assertThat(id.path("value").asString())
                        .as(deployment + "'s client")
                        .isEqualTo(client.getKey());
            }
            JsonNode secret = environment.get(client.getValue().get(2));
            assertThat(secret)
                    .as(deployment + " sets " + client.getValue().get(2))
                    .isNotNull();
            JsonNode reference = secret.path("valueFrom").path("secretKeyRef");
            assertThat(reference.path("name").asString() + " "
                            + reference.path("key").asString())
                    .as(deployment + " reads the client secret the realm import gives " + client.getKey())
                    .isEqualTo(secretOfClient.get(client.getKey()));
        }
    }

    private static Set<String> names(JsonNode roles) {
        Set<String> names = new TreeSet<>();
        roles.forEach(role -> names.add(role.path("name").asString()));
        return names;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
