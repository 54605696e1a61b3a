package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.samlyft.testsupport.Eventually;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of every service's OpenAPI document, called through the gateway and straight at the service with
 * the wrong credentials: another tenant's token on the first tenant's objects, a platform administrator's token
 * (which passes the gateway on the administration routes only), no token, a genuine token of the realm that has
 * expired, and a token of a foreign issuer. The operations come from the documents the services serve, so a new
 * endpoint is covered without anyone listing it here. The reports are tried on the first tenant's catalog objects too
 * (its programme's follow-up and monthly report), and enrolment's operations on its offering (the roster and the
 * seats) as well as its enrolment. A federation's invitation is seen and answered by the invited organisation only,
 * and a manager sees only the people they manage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(1)
class TenantIsolationMatrixTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SERVICES =
            List.of("identity", "catalog", "enrolment", "reporting", "integration");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Administration that would change the platform under the other tests (a rebuild of the read model): not called. */
    private static final Set<String> SIDE_EFFECTS =
            Set.of("POST /api/reports/read-model/rebuild", "DELETE /api/reports/read-model/rebuild");

    /** What a platform administrator's token reaches through the gateway, as its configuration lists it. */
    private static final Set<String> ADMINISTRATION = Set.of(
            "GET /api/identity/me",
            "GET /api/identity/organisations",
            "POST /api/identity/organisations",
            "GET /api/identity/organisations/{}",
            "PUT /api/identity/organisations/{}",
            "POST /api/identity/organisations/{}/coordinators",
            "GET /api/identity/organisations/{}/invitations",
            "GET /api/identity/federations/{}/members",
            "POST /api/identity/federations/{}/members/{}/leave",
            "GET /api/identity/federations/{}/invitations",
            "POST /api/identity/federations/{}/invitations",
            "GET /api/identity/federations/{}/invitations/{}",
            "POST /api/identity/federations/{}/invitations/{}/accept",
            "POST /api/identity/federations/{}/invitations/{}/decline",
            "POST /api/identity/federations/{}/invitations/{}/withdraw",
            "GET /api/reports/read-model",
            "POST /api/reports/read-model/rebuild",
            "DELETE /api/reports/read-model/rebuild");

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** The skew Spring Security allows on a token's expiry. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.keycloakUrl());
    private final String marker = "Isoleringsprov " + UUID.randomUUID();

    private String owner;
    private String other;
    private String expired;
    private Instant expiredAt;
    private Map<String, List<Operation>> operations;
    private final Map<String, Set<String>> ownersIds = new TreeMap<>();

    @BeforeAll
    void givenTheFirstTenantsObjectsAndTheOperationsOfEveryService() {
        owner = keycloak.tokenOf("arvidsjaur-samordnare");
        other = keycloak.tokenOf("mala-samordnare");
        keycloak.addShortLivedClient();
        expired = keycloak.passwordGrant(Keycloak.SHORT_LIVED_CLIENT, "mala-samordnare");
        expiredAt = expiryOf(expired);
        assertThat(platform.gateway().get("/api/catalog/me", expired).status())
                .as("the short-lived token is good while it lives")
                .isEqualTo(200);

        TenantData.createFor(platform.gateway(), owner, marker);
        operations = new TreeMap<>();
        for (String service : SERVICES) {
            JsonNode document =
                    platform.service(service).get("/v3/api-docs", null).json();
            operations.put(service, Operation.allOf(document));
            ownersIds.put(service, idsListedFor(service, owner));
        }
        ownersIds.get("reporting").addAll(ownersIds.get("catalog"));
    }

    @Test
    void everyServiceDocumentsItsOperations() {
        assertThat(operations)
                .allSatisfy((service, ofService) -> assertThat(ofService)
                        .as("operations in the OpenAPI document of " + service)
                        .isNotEmpty());
        assertThat(ownersIds.get("catalog"))
                .as("the first tenant's catalog objects")
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(ownersIds.get("enrolment"))
                .as("the first tenant's enrolment, its offering, course and person")
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(operations.get("enrolment"))
                .extracting(Operation::path)
                .as("the roster and the seats of an offering are in the matrix")
                .contains("/api/enrolments/offerings/{offeringId}", "/api/enrolments/offerings/{offeringId}/seats");
    }

    @Test
    void anotherTenantReachesNoneOfTheFirstTenantsObjectsAndSeesNoneOfItsData() {
        List<String> unexpected = new ArrayList<>();
        for (String service : SERVICES) {
            Set<String> ids = ownersIds.get(service);
            for (Operation operation : operations.get(service)) {
                for (String path : operation.pathsWith(ids)) {
                    TestHttp.Response response = call(platform.gateway(), operation.method(), path, other);
                    boolean onOwnersObject =
                            operation.hasPathParameters() && ids.stream().anyMatch(path::contains);
                    if (onOwnersObject && response.status() / 100 == 2) {
                        unexpected.add(operation.method() + " " + path + " → " + response.status());
                    }
                    if (leaks(response.body(), path, ids)) {
                        unexpected.add(operation.method() + " " + path + " shows the first tenant's data");
                    }
                }
            }
        }
        assertThat(unexpected).isEmpty();
    }

    @Test
    void withoutAValidTokenOfTheRealmEveryOperationIsUnauthorised() throws InterruptedException {
        String foreign = TestTokens.get()
                .token()
                .issuer("https://inloggning.example.org/realms/samlyft")
                .organization("mala")
                .roles("coordinator")
                .sign();
        Duration untilExpired =
                Duration.between(Instant.now(), expiredAt.plus(CLOCK_SKEW).plusSeconds(2));
        if (!untilExpired.isNegative()) {
            Thread.sleep(untilExpired);
        }
        List<String> unexpected = new ArrayList<>();
        Map<String, String> credentials = new TreeMap<>();
        credentials.put("no token", null);
        credentials.put("expired token", expired);
        credentials.put("foreign issuer", foreign);
        for (String service : SERVICES) {
            for (Operation operation : operations.get(service)) {
                String path = operation.pathWith(UUID.randomUUID().toString());
                credentials.forEach((what, token) -> {
                    for (TestHttp entry : List.of(platform.gateway(), platform.service(service))) {
                        TestHttp.Response response = call(entry, operation.method(), path, token);
                        if (response.status() != 401) {
                            unexpected.add(what + ": " + operation.method() + " " + path + " → " + response.status());
                        }
                    }
                });
            }
        }
        assertThat(unexpected).isEmpty();
    }

    @Test
    void anAdministratorPassesTheGatewayOnTheAdministrationRoutesOnlyAndSeesNoOrganisationsData() {
        String administrator = keycloak.tokenOf("samlyft-forvaltare");
        List<String> unexpected = new ArrayList<>();
        int administered = 0;
        for (String service : SERVICES) {
            Set<String> ids = ownersIds.get(service);
            for (Operation operation : operations.get(service)) {
                boolean administration = ADMINISTRATION.contains(operation.method() + " " + operation.template());
                if (SIDE_EFFECTS.contains(operation.method() + " " + operation.template())) {
                    administered++;
                    continue;
                }
                for (String path : operation.pathsWith(ids)) {
                    TestHttp.Response response = call(platform.gateway(), operation.method(), path, administrator);
                    if (!administration && response.status() != 403) {
                        unexpected.add(operation.method() + " " + path + " → " + response.status());
                    }
                    if (administration
                            && response.status() == 403
                            && response.body().contains("administration")) {
                        unexpected.add(operation.method() + " " + path + " refused by the gateway");
                    }
                    if (leaks(response.body(), path, ids)) {
                        unexpected.add(operation.method() + " " + path + " shows the first tenant's data");
                    }
                }
                administered += administration ? 1 : 0;
            }
        }
        assertThat(unexpected).isEmpty();
        assertThat(administered)
                .as("administration operations in the services' documents")
                .isEqualTo(ADMINISTRATION.size());
        TestHttp.Response organisations = platform.gateway().get("/api/identity/organisations?size=100", administrator);
        assertThat(organisations.status()).isEqualTo(200);
        assertThat(organisations.json().path("totalItems").asLong()).isGreaterThanOrEqualTo(14);
    }

    /**
     * Dorotea leaves Akademi Norr and is invited back: only Dorotea's own coordinators see and answer the invitation
     * (another member's coordinator gets 404, the federation may not accept for it), and it is a member again only
     * from the day it accepts.
     */
    @Test
    void aFederationsInvitationIsSeenAndAnsweredOnlyByTheInvitedOrganisation() {
        TestHttp gateway = platform.gateway();
        String leader = keycloak.tokenOf("akademi-norr-projektledare");
        String dorotea = keycloak.tokenOf("dorotea-samordnare");
        String federation = "/api/identity/federations/akademi-norr";
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        TestHttp.Response left =
                post(gateway, federation + "/members/dorotea/leave", dorotea, "{\"leftOn\": \"" + today + "\"}");
        assertThat(left.status()).as(left.body()).isEqualTo(200);
        TestHttp.Response invited = post(gateway, federation + "/invitations", leader, "{\"tenant\": \"dorotea\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String invitation =
                federation + "/invitations/" + invited.json().path("id").asString();

        assertThat(gateway.get(invitation, other).status())
                .as("another member's coordinator")
                .isEqualTo(404);
        assertThat(post(gateway, invitation + "/accept", other, "{}").status()).isEqualTo(404);
        assertThat(post(gateway, invitation + "/decline", other, "{}").status()).isEqualTo(404);
        assertThat(gateway.get("/api/identity/organisations/dorotea/invitations", other)
                        .status())
                .isEqualTo(403);
        assertThat(gateway.get(federation + "/invitations", other)
                        .json()
                        .valueStream()
                        .map(seen -> seen.path("tenant").asString()))
                .doesNotContain("dorotea");
        assertThat(post(gateway, invitation + "/accept", leader, "{}").status())
                .as("the federation accepts for no one")
                .isEqualTo(403);
        assertThat(post(gateway, invitation + "/accept", dorotea, "{\"joinedOn\": \"2020-08-01\"}")
                        .status())
                .as("dated back")
                .isEqualTo(400);
        assertThat(gateway.get("/api/identity/organisations/dorotea/invitations", dorotea)
                        .json()
                        .valueStream()
                        .map(seen -> seen.path("status").asString()))
                .contains("PENDING");

        TestHttp.Response accepted = post(gateway, invitation + "/accept", dorotea, "{}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode members =
                gateway.get(federation + "/members?on=" + today, leader).json();
        assertThat(members.path("members").valueStream().map(JsonNode::asString))
                .contains("dorotea");
        assertThat(members.path("history")
                        .valueStream()
                        .filter(period -> period.path("tenant").asString().equals("dorotea"))
                        .map(period -> period.path("joinedOn").asString() + "/"
                                + period.path("consent").asString()))
                .containsExactly("2020-08-01/PLATFORM_ADMINISTRATOR", today + "/MEMBER");
    }

    /**
     * Storuman's manager lists and reads only the people they manage, and their enrolments only: not the coordinator
     * of the same municipality, who manages no one and is managed by no one, nor anyone of another municipality; and
     * no manager reads a personal identity number.
     */
    @Test
    void aManagerSeesOnlyThePeopleTheyManageAndTheirEnrolments() {
        TestHttp gateway = platform.gateway();
        String coordinator = keycloak.tokenOf("storuman-samordnare");
        String manager = keycloak.tokenOf("storuman-chef");
        String participant = keycloak.tokenOf("storuman-deltagare-1");
        JsonNode everyone =
                gateway.get("/api/identity/people?size=100", coordinator).json().path("items");
        String managerId = everyone.valueStream()
                .filter(person -> person.path("roles").toString().contains("\"manager\""))
                .map(person -> person.path("id").asString())
                .findFirst()
                .orElseThrow();
        Set<String> managed = new TreeSet<>();
        Set<String> notManaged = new TreeSet<>();
        everyone.forEach(person -> (person.path("managerId").asString().equals(managerId) ? managed : notManaged)
                .add(person.path("id").asString()));
        // The manager reads themself as everyone does: the others that are not their staff are the point here.
        notManaged.remove(managerId);
        String offering = TenantData.createFor(gateway, coordinator, "Chefens personal " + UUID.randomUUID());
        String ofStaff = enrolled(gateway, participant, offering);
        String ofTheCoordinator = enrolled(gateway, coordinator, offering);

        JsonNode listed =
                gateway.get("/api/identity/people?size=100", manager).json().path("items");
        JsonNode staffsEnrolments = gateway.get("/api/enrolments?staff=true&size=100", manager)
                .json()
                .path("items");
        JsonNode anotherManagersStaff = gateway.get(
                        "/api/enrolments?staff=true&size=100", keycloak.tokenOf("mala-chef"))
                .json();

        assertThat(managed)
                .as("Storuman's participants are the manager's staff")
                .hasSize(3);
        assertThat(notManaged).as("the coordinator, at least").isNotEmpty();
        assertThat(listed.valueStream().map(person -> person.path("id").asString()))
                .containsExactlyInAnyOrderElementsOf(managed);
        for (String other : notManaged) {
            assertThat(gateway.get("/api/identity/people/" + other, manager).status())
                    .as("the manager reads someone they do not manage")
                    .isIn(403, 404);
        }
        for (String own : managed) {
            assertThat(gateway.get("/api/identity/people/" + own + "/export", manager)
                            .status())
                    .as("a manager never reads a personal identity number")
                    .isIn(403, 404);
            assertThat(gateway.get("/api/identity/people/" + own, keycloak.tokenOf("mala-chef"))
                            .status())
                    .as("another municipality's manager")
                    .isEqualTo(404);
        }
        assertThat(staffsEnrolments
                        .valueStream()
                        .map(enrolment -> enrolment.path("id").asString()))
                .contains(ofStaff)
                .doesNotContain(ofTheCoordinator);
        assertThat(anotherManagersStaff.toString()).doesNotContain(ofStaff, ofTheCoordinator);
    }

    /**
     * The funder's participant list of the first tenant's programme (identity's download and reporting's list of
     * participants) is its coordinator's only: never another organisation's coordinator, a federation's project leader
     * or the tenant's own participants. The login state of the tenant's people is shown to its coordinator and to no
     * other organisation.
     */
    @Test
    void anotherOrganisationOrFederationNeverGetsTheParticipantListOrTheLoginStatus() {
        TestHttp gateway = platform.gateway();
        String programme = gateway.get("/api/catalog/programmes?size=100", owner)
                .json()
                .path("items")
                .valueStream()
                .filter(item -> item.path("name").asString().equals(marker))
                .map(item -> item.path("id").asString())
                .findFirst()
                .orElseThrow();
        List<String> lists = List.of(
                "/api/identity/programmes/" + programme + "/participants?format=csv",
                "/api/identity/programmes/" + programme + "/participants?format=xlsx",
                "/api/reports/programmes/" + programme + "/participants");
        Map<String, String> outsiders = Map.of(
                "another organisation's coordinator", other,
                "a federation's project leader", keycloak.tokenOf("akademi-norr-projektledare"),
                "another organisation's manager", keycloak.tokenOf("mala-chef"));
        List<String> unexpected = new ArrayList<>();
        for (String list : lists) {
            TestHttp.Response own = Eventually.until(
                    Duration.ofSeconds(60), () -> gateway.get(list, owner), answer -> answer.status() != 404);
            assertThat(own.status())
                    .as("the owner's coordinator: " + list + " " + own.body())
                    .isEqualTo(200);
            outsiders.forEach((who, token) -> {
                TestHttp.Response refused = gateway.get(list, token);
                if (refused.status() / 100 == 2 || refused.body().contains(marker)) {
                    unexpected.add(who + ": " + list + " → " + refused.status());
                }
            });
        }
        String person = gateway.get("/api/identity/people?size=1", owner)
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        assertThat(gateway.get("/api/identity/people/" + person, owner)
                        .json()
                        .path("login")
                        .path("state")
                        .asString())
                .as("the coordinator sees their person's login state")
                .isIn("PENDING", "ACTIVE", "FAILED");
        outsiders.forEach((who, token) -> {
            TestHttp.Response refused = gateway.get("/api/identity/people/" + person, token);
            if (refused.status() / 100 == 2 || refused.body().contains("\"login\"")) {
                unexpected.add(who + ": the login status of " + person + " → " + refused.status());
            }
        });
        assertThat(unexpected).isEmpty();
    }

    private static String enrolled(TestHttp gateway, String token, String offering) {
        TestHttp.Response response = Eventually.until(
                Duration.ofSeconds(60),
                () -> post(gateway, "/api/enrolments", token, "{\"offeringId\": \"" + offering + "\"}"),
                answer -> answer.status() != 404);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    /**
     * Whether the body shows the first tenant's marker text, or any of its ids but the one the request named itself (a
     * problem may echo the id asked for).
     */
    private boolean leaks(String body, String path, Set<String> ids) {
        return body.contains(marker)
                || ids.stream().filter(id -> !path.contains(id)).anyMatch(body::contains);
    }

    /** The ids that the tenant's list operations (GET without path parameters) of the service answer with. */
    private Set<String> idsListedFor(String service, String token) {
        Set<String> ids = new LinkedHashSet<>();
        for (Operation operation : operations.get(service)) {
            if (operation.method().equals("GET") && !operation.hasPathParameters()) {
                TestHttp.Response response = call(platform.gateway(), "GET", operation.path(), token);
                if (response.status() == 200 && response.body().startsWith("{")) {
                    collectIds(response.json(), ids);
                }
            }
        }
        return ids;
    }

    private static void collectIds(JsonNode node, Set<String> ids) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().endsWith("id") || field.getKey().endsWith("Id")) {
                    if (field.getValue().isString() && isUuid(field.getValue().asString())) {
                        ids.add(field.getValue().asString());
                    }
                }
                collectIds(field.getValue(), ids);
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectIds(item, ids));
        }
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }

    private static TestHttp.Response post(TestHttp entry, String path, String token, String json) {
        return entry.send(entry.request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private static TestHttp.Response call(TestHttp entry, String method, String path, String token) {
        HttpRequest.Builder request = entry.request(path, token)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{}");
        request.method(
                method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody() : body);
        return entry.send(request.build());
    }

    private static Instant expiryOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return Instant.ofEpochSecond(JSON.readTree(payload).path("exp").asLong());
    }

    /** One operation of an OpenAPI document: its method and path template. */
    record Operation(String method, String path) {

        static List<Operation> allOf(JsonNode document) {
            List<Operation> all = new ArrayList<>();
            document.path("paths")
                    .properties()
                    .forEach(path -> path.getValue().properties().forEach(method -> {
                        if (METHODS.contains(method.getKey())) {
                            all.add(new Operation(method.getKey().toUpperCase(), path.getKey()));
                        }
                    }));
            return all;
        }

        boolean hasPathParameters() {
            return PATH_PARAMETER.matcher(path).find();
        }

        /** The path with its parameters unnamed, {@code /api/identity/organisations/{}}. */
        String template() {
            return PATH_PARAMETER.matcher(path).replaceAll("{}");
        }

        /** The path once per id given when it has parameters, each filled with that id; else the path alone. */
        List<String> pathsWith(Set<String> ids) {
            if (!hasPathParameters()) {
                return List.of(path);
            }
            List<String> paths = new ArrayList<>();
            ids.forEach(id -> paths.add(pathWith(id)));
            paths.add(pathWith(UUID.randomUUID().toString()));
            return paths;
        }

        String pathWith(String value) {
            return PATH_PARAMETER.matcher(path).replaceAll(Matcher.quoteReplacement(value));
        }
    }
}
