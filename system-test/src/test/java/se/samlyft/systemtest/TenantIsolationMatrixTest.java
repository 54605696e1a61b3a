package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of every service's OpenAPI document, called through the gateway and straight at the service with
 * the wrong credentials: another tenant's token on the first tenant's objects, no token, a genuine token of the realm
 * that has expired, and a token of a foreign issuer. The operations come from the documents the services serve, so a
 * new endpoint is covered without anyone listing it here. The reports are tried on the first tenant's catalog objects
 * too (its programme's follow-up and monthly report), and enrolment's operations on its offering (the roster and the
 * seats) as well as its enrolment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationMatrixTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SERVICES = List.of("identity", "catalog", "enrolment", "reporting");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
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
