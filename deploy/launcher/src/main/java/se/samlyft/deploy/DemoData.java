package se.samlyft.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo region, entered through identity-service's API as its administrators would enter it: the organisations
 * of the demo realm (Akademi Norr and its member municipalities, FACTS.md §1), the federation's members from
 * 2020-08-01, and every demo login as a person of its organisation, with the id its Keycloak user already carries, so
 * that identity-service takes the login over and the other services learn the people from its events. What exists
 * already is left as it is, so a restart adds nothing.
 */
final class DemoData {

    static final String MEMBERS_SINCE = "2020-08-01";
    private static final String PLATFORM_ADMIN = "samlyft-forvaltare";
    private static final String PASSWORD = "samlyft";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path realm;
    private final String keycloak;
    private final String identity;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new HashMap<>();

    DemoData(Settings settings) {
        this.realm = settings.home().resolve("deploy/keycloak/samlyft-realm.json");
        this.keycloak = Keycloak.issuer(settings.ports());
        this.identity = "http://127.0.0.1:" + settings.ports().identity() + "/api/identity";
    }

    /** What was entered, what was there already, and what identity-service refused, with its answer. */
    record Outcome(int created, int existing, List<String> refused, Duration took) {}

    /** Enters what is missing of the demo region. */
    Outcome load() throws IOException, InterruptedException {
        Instant began = Instant.now();
        JsonNode demo = JSON.readTree(realm.toFile());
        Map<String, JsonNode> users = new HashMap<>();
        demo.path("users").forEach(user -> users.put(user.path("username").asString(), user));
        int[] counts = new int[2];
        List<String> refused = new ArrayList<>();
        List<JsonNode> organisations = new ArrayList<>();
        demo.path("organizations").forEach(organisations::add);
        int number = 0;
        for (JsonNode organisation : organisations) {
            count(counts, refused, post(PLATFORM_ADMIN, "/organisations", organisationOf(organisation, ++number)));
        }
        for (JsonNode organisation : organisations) {
            if (isFederation(organisation)) {
                for (JsonNode member : organisations) {
                    if (!isFederation(member)) {
                        ObjectNode join = JSON.createObjectNode()
                                .put("tenant", member.path("alias").asString())
                                .put("joinedOn", MEMBERS_SINCE);
                        String path =
                                "/federations/" + organisation.path("alias").asString() + "/members";
                        count(counts, refused, post(PLATFORM_ADMIN, path, join));
                    }
                }
            }
        }
        for (JsonNode organisation : organisations) {
            String tenant = organisation.path("alias").asString();
            List<JsonNode> members = new ArrayList<>();
            organisation.path("members").forEach(member -> {
                JsonNode user = users.get(
                        member.isString()
                                ? member.asString()
                                : member.path("username").asString());
                if (user != null && personIdOf(user).isPresent()) {
                    members.add(user);
                }
            });
            // Managers first: a participant names its manager, who must exist.
            members.sort(Comparator.comparing(user -> roleOf(user).equals("manager") ? 0 : 1));
            Optional<String> coordinator = members.stream()
                    .map(user -> user.path("username").asString())
                    .filter(name -> name.endsWith("-samordnare") || name.endsWith("-projektledare"))
                    .findFirst();
            Optional<String> manager = members.stream()
                    .filter(user -> roleOf(user).equals("manager"))
                    .map(user -> personIdOf(user).orElseThrow())
                    .findFirst();
            if (coordinator.isEmpty()) {
                continue;
            }
            for (JsonNode user : members) {
                count(counts, refused, post(coordinator.get(), "/people", personOf(user, tenant, manager)));
            }
        }
        return new Outcome(counts[0], counts[1], refused, Duration.between(began, Instant.now()));
    }

    private static void count(int[] counts, List<String> refused, Optional<String> refusal) {
        refusal.ifPresentOrElse(
                reason -> {
                    if (reason.isEmpty()) {
                        counts[1]++;
                    } else {
                        refused.add(reason);
                    }
                },
                () -> counts[0]++);
    }

    private static boolean isFederation(JsonNode organisation) {
        return organisation.path("attributes").path("kind").path(0).asString().equals("federation");
    }

    private static ObjectNode organisationOf(JsonNode organisation, int number) {
        boolean federation = isFederation(organisation);
        ObjectNode body = JSON.createObjectNode()
                .put("tenant", organisation.path("alias").asString())
                .put("kind", federation ? "FEDERATION" : "MUNICIPALITY")
                .put("name", organisation.path("name").asString())
                .put("organisationNumber", organisationNumber(federation ? "222000" : "212000", number));
        JsonNode code = organisation.path("attributes").path("municipalityCode").path(0);
        if (!code.isMissingNode()) {
            body.put("municipalityCode", code.asString());
        }
        return body;
    }

    /**
     * An organisation number of the demo: the prefix of a municipality (212000) or a federation of municipalities
     * (222000), a serial number, and the Luhn check digit over the first nine digits.
     */
    static String organisationNumber(String prefix, int serial) {
        String nine = prefix + String.format("%03d", serial);
        int sum = 0;
        for (int i = 0; i < nine.length(); i++) {
            int digit = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        return nine.substring(0, 6) + "-" + nine.substring(6) + (10 - sum % 10) % 10;
    }

    private static ObjectNode personOf(JsonNode user, String tenant, Optional<String> manager) {
        String username = user.path("username").asString();
        String role = roleOf(user);
        int seed = Math.abs(username.hashCode());
        ObjectNode person = JSON.createObjectNode()
                .put("id", personIdOf(user).orElseThrow())
                .put("givenName", user.path("firstName").asString())
                .put("familyName", user.path("lastName").asString())
                .put("email", user.path("email").asString())
                .put("workplaceId", username.endsWith("-3") ? "sarskilt-boende-asgarden" : "hemtjansten-centrum")
                .put("workplaceName", username.endsWith("-3") ? "Särskilt boende Åsgården" : "Hemtjänsten Centrum")
                .put("occupation", occupationOf(username, role))
                .put("sex", username.endsWith("-3") ? "MAN" : "WOMAN")
                .put("birthYear", 1962 + seed % 38)
                .put("educationLevel", seed % 5 == 0 ? "ISCED_5_8" : "ISCED_3_4");
        person.putArray("roles").add(role);
        if (role.equals("participant")) {
            manager.ifPresent(id -> person.put("managerId", id));
        }
        return person;
    }

    private static String occupationOf(String username, String role) {
        return switch (role) {
            case "manager" -> "MANAGER";
            case "participant" ->
                username.endsWith("-1")
                        ? "ASSISTANT_NURSE"
                        : username.endsWith("-2") ? "CARE_AIDE" : "PERSONAL_ASSISTANT";
            default -> "OTHER";
        };
    }

    private static String roleOf(JsonNode user) {
        for (JsonNode role : user.path("realmRoles")) {
            if (!role.asString().startsWith("default-roles")) {
                return role.asString();
            }
        }
        return "participant";
    }

    private static Optional<String> personIdOf(JsonNode user) {
        JsonNode id = user.path("attributes").path("personId").path(0);
        return id.isMissingNode() ? Optional.empty() : Optional.of(id.asString());
    }

    /**
     * Posts as the demo user: empty when created, an empty text when it existed already, else what identity-service
     * answered.
     */
    private Optional<String> post(String user, String path, ObjectNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(identity + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + tokenOf(user))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 409) {
            return Optional.of("");
        }
        if (response.statusCode() / 100 != 2) {
            return Optional.of(path + " as " + user + ": " + response.statusCode() + " " + response.body());
        }
        return Optional.empty();
    }

    private String tokenOf(String user) throws IOException, InterruptedException {
        String token = tokens.get(user);
        if (token == null) {
            token = KeycloakTokens.password(http, keycloak, "samlyft-web", user, PASSWORD)
                    .value();
            tokens.put(user, token);
        }
        return token;
    }
}
