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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo region, entered through the gateway as its administrators and coordinators would enter it: the
 * organisations of the demo realm (Akademi Norr and its member municipalities, FACTS.md §1), the federation's members
 * from 2020-08-01, each organisation's first coordinator, and every other demo login as a person of its organisation,
 * with the id its Keycloak user already carries, so that identity-service takes the login over and the other services
 * learn the people from its events. What exists already is left as it is, so a restart adds nothing.
 *
 * <p>The memberships are the project's history: the municipalities decided to join the ESF project before it started
 * on 2020-08-01, outside the platform. So the platform administrator, invited on the federation's behalf, records each
 * member's decision of that day with its reference, the one way a membership may start before the day it is entered;
 * a coordinator accepting in the platform always starts it on the day they accept, or later.
 */
final class DemoData {

    static final String MEMBERS_SINCE = "2020-08-01";
    static final String DECISION = "Samverkansavtal för ESF-projektet 2020/00194, undertecknat 2020-08-01";
    private static final String PLATFORM_ADMIN = "samlyft-forvaltare";
    private static final String PASSWORD = "samlyft";
    private static final int ATTEMPTS = 20;
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
        this.identity = "http://127.0.0.1:" + settings.ports().gateway() + "/api/identity";
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
            count(
                    counts,
                    refused,
                    post(PLATFORM_ADMIN, "/organisations", organisationOf(organisation, ++number))
                            .refusal());
        }
        for (JsonNode organisation : organisations) {
            if (isFederation(organisation)) {
                joinAll(organisation.path("alias").asString(), organisations, counts, refused);
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
            Optional<JsonNode> coordinator = members.stream()
                    .filter(user -> isCoordinator(user.path("username").asString()))
                    .findFirst();
            Optional<String> manager = members.stream()
                    .filter(user -> roleOf(user).equals("manager"))
                    .map(user -> personIdOf(user).orElseThrow())
                    .findFirst();
            if (coordinator.isEmpty()) {
                continue;
            }
            // The platform administrator appoints the organisation's first coordinator, who registers the others.
            count(
                    counts,
                    refused,
                    post(
                                    PLATFORM_ADMIN,
                                    "/organisations/" + tenant + "/coordinators",
                                    personOf(coordinator.get(), tenant, Optional.empty()))
                            .refusal());
            String coordinatorName = coordinator.get().path("username").asString();
            for (JsonNode user : members) {
                if (!user.path("username").asString().equals(coordinatorName)) {
                    count(
                            counts,
                            refused,
                            post(coordinatorName, "/people", personOf(user, tenant, manager))
                                    .refusal());
                }
            }
        }
        return new Outcome(counts[0], counts[1], refused, Duration.between(began, Instant.now()));
    }

    /**
     * Makes every other organisation of the realm a member of {@code federation} from {@link #MEMBERS_SINCE}: invited
     * by the administrator on the federation's behalf (or by an invitation still waiting from an earlier start), and
     * the member's decision recorded.
     */
    private void joinAll(String federation, List<JsonNode> organisations, int[] counts, List<String> refused)
            throws IOException, InterruptedException {
        String path = "/federations/" + federation;
        Answer current = get(PLATFORM_ADMIN, path + "/members");
        Answer invitations = get(PLATFORM_ADMIN, path + "/invitations");
        if (current.refusal().isPresent() || invitations.refusal().isPresent()) {
            refused.add(current.refusal().or(invitations::refusal).orElseThrow());
            return;
        }
        Set<String> joined = new HashSet<>();
        current.body().path("members").forEach(member -> joined.add(member.asString()));
        Map<String, String> pending = new HashMap<>();
        invitations.body().forEach(invitation -> {
            if (invitation.path("status").asString().equals("PENDING")) {
                pending.put(
                        invitation.path("tenant").asString(),
                        invitation.path("id").asString());
            }
        });
        for (JsonNode organisation : organisations) {
            String member = organisation.path("alias").asString();
            if (isFederation(organisation)) {
                continue;
            }
            if (joined.contains(member)) {
                counts[1]++;
                continue;
            }
            String invitation = pending.get(member);
            if (invitation == null) {
                Answer invited = post(
                        PLATFORM_ADMIN,
                        path + "/invitations",
                        JSON.createObjectNode().put("tenant", member));
                if (invited.refusal().isPresent()) {
                    count(counts, refused, invited.refusal());
                    continue;
                }
                invitation = invited.body().path("id").asString();
            }
            ObjectNode decision = JSON.createObjectNode()
                    .put("acceptedOn", MEMBERS_SINCE)
                    .put("joinedOn", MEMBERS_SINCE)
                    .put("reference", DECISION);
            count(
                    counts,
                    refused,
                    post(PLATFORM_ADMIN, path + "/invitations/" + invitation + "/accept", decision)
                            .refusal());
        }
    }

    private static boolean isCoordinator(String username) {
        return username.endsWith("-samordnare") || username.endsWith("-projektledare");
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
     * An answer of the gateway: its JSON body when it succeeded; else a refusal that is empty text when the thing
     * existed already (409), or says what was refused.
     */
    private record Answer(JsonNode body, Optional<String> refusal) {}

    private Answer post(String user, String path, ObjectNode body) throws IOException, InterruptedException {
        return send(
                user,
                path,
                HttpRequest.newBuilder(URI.create(identity + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private Answer get(String user, String path) throws IOException, InterruptedException {
        return send(
                user, path, HttpRequest.newBuilder(URI.create(identity + path)).GET());
    }

    /**
     * Sends as the demo user through the gateway, waiting as it asks when its rate limit answers 429, or while it has
     * not yet seen identity-service ready (503; its health checks run every few seconds).
     */
    private Answer send(String user, String path, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokenOf(user))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if ((response.statusCode() == 429 || response.statusCode() == 503) && attempt < ATTEMPTS) {
                long seconds = response.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElse(1L);
                Thread.sleep(Duration.ofSeconds(Math.min(seconds, 10)));
                continue;
            }
            if (response.statusCode() == 409) {
                return new Answer(JSON.missingNode(), Optional.of(""));
            }
            if (response.statusCode() / 100 != 2) {
                return new Answer(
                        JSON.missingNode(),
                        Optional.of(built.method() + " " + path + " as " + user + ": " + response.statusCode() + " "
                                + response.body()));
            }
            return new Answer(JSON.readTree(response.body()), Optional.empty());
        }
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
