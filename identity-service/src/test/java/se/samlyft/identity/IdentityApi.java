package se.samlyft.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Identity's API as a client calls it in tests: JSON bodies, bearer tokens, and fixtures of organisations and people. */
public final class IdentityApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestHttp http;

    public IdentityApi(TestHttp http) {
        this.http = http;
    }

    /** The HTTP client the calls go through, for a request this class does not make (a binary download). */
    public TestHttp http() {
        return http;
    }

    public TestHttp.Response get(String path, String token) {
        return http.get(path, token);
    }

    public TestHttp.Response post(String path, String token, String json) {
        return http.send(http.request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public TestHttp.Response postWithKey(String path, String token, String idempotencyKey, String json) {
        return http.send(http.request(path, token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public TestHttp.Response postBytes(String path, String token, String contentType, byte[] body) {
        return http.send(http.request(path, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    public TestHttp.Response put(String path, String token, @Nullable String ifMatch, String json) {
        HttpRequest.Builder request = http.request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build());
    }

    public TestHttp.Response delete(String path, String token) {
        return http.send(http.request(path, token).DELETE().build());
    }

    /** Onboards {@code organisation} as a platform administrator and returns the answer, asserting 201. */
    public TestHttp.Response onboard(ObjectNode organisation) {
        TestHttp.Response created = post("/api/identity/organisations", platformAdmin(), organisation.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    /** Registers {@code person} as a coordinator of {@code tenant} and returns the new person's id, asserting 201. */
    public String register(String tenant, ObjectNode person) {
        TestHttp.Response created = post("/api/identity/people", coordinatorOf(tenant), person.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** The federation's coordinators invite {@code member}; returns the invitation's id, asserting 201. */
    public String invite(String federation, String member) {
        TestHttp.Response invited = post(
                "/api/identity/federations/" + federation + "/invitations",
                federationCoordinatorOf(federation),
                "{\"tenant\": \"" + member + "\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        return invited.json().path("id").asString();
    }

    /**
     * {@code member} joins {@code federation} on {@code joinedOn}: invited by the federation, and its decision of that
     * day recorded by a platform administrator.
     */
    public void joinByDecision(String federation, String member, String joinedOn) {
        String invitation = invite(federation, member);
        TestHttp.Response accepted = post(
                "/api/identity/federations/" + federation + "/invitations/" + invitation + "/accept",
                platformAdmin(),
                "{\"acceptedOn\": \"" + joinedOn + "\", \"reference\": \"Beslut " + joinedOn + "\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    /** The fields a 400 problem names, in its order. */
    public static List<String> invalidFields(TestHttp.Response refused) {
        return refused.json()
                .path("errors")
                .valueStream()
                .map(error -> error.path("field").asString())
                .toList();
    }

    public static ObjectNode municipality(String tenant, String name, String code, String organisationNumber) {
        ObjectNode organisation = JSON.createObjectNode()
                .put("tenant", tenant)
                .put("kind", "MUNICIPALITY")
                .put("name", name)
                .put("organisationNumber", organisationNumber)
                .put("municipalityCode", code);
        organisation
                .putArray("contacts")
                .addObject()
                .put("name", "Åsa Öberg")
                .put("role", "Samordnare")
                .put("email", "asa.oberg@" + tenant + ".se")
                .put("phone", "0960-155 00");
        return organisation;
    }

    public static ObjectNode federation(String tenant, String name, String organisationNumber) {
        return JSON.createObjectNode()
                .put("tenant", tenant)
                .put("kind", "FEDERATION")
                .put("name", name)
                .put("organisationNumber", organisationNumber);
    }

    public static ObjectNode person(String givenName, String familyName, String email) {
        ObjectNode person = JSON.createObjectNode()
                .put("givenName", givenName)
                .put("familyName", familyName)
                .put("email", email)
                .put("workplaceId", "hemtjanst-centrum")
                .put("workplaceName", "Hemtjänst Centrum")
                .put("occupation", "ASSISTANT_NURSE")
                .put("sex", "WOMAN")
                .put("birthYear", 1978)
                .put("educationLevel", "ISCED_3_4");
        person.putArray("roles").add("participant");
        return person;
    }

    /** A valid organisation number of a legal person: {@code 2120NN-NNNC} with its Luhn check digit. */
    public static String organisationNumber(int serial) {
        String body = "2120" + String.format("%05d", serial);
        return body.substring(0, 6) + "-" + body.substring(6) + luhnDigit(body);
    }

    /** The Luhn check digit of {@code digits}. */
    public static int luhnDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    public static String platformAdmin() {
        return TestTokens.get()
                .token()
                .username("plattformsforvaltare")
                .roles("platform-admin")
                .sign();
    }

    public static String coordinatorOf(String tenant) {
        return TestTokens.get().forUser(tenant + "-samordnare", tenant, "coordinator");
    }

    public static String federationCoordinatorOf(String federation) {
        return TestTokens.get().forUser(federation + "-projektledare", federation, "federation-coordinator");
    }

    public static String managerOf(String tenant) {
        return TestTokens.get().forUser(tenant + "-chef", tenant, "manager");
    }

    public static String participantOf(String tenant) {
        return TestTokens.get().forUser(tenant + "-deltagare", tenant, "participant");
    }

    /** The token of a provisioned person: their organisation and their {@code person_id}. */
    public static String personToken(String tenant, String personId, String... roles) {
        return TestTokens.get()
                .token()
                .username(personId)
                .organization(tenant)
                .roles(roles)
                .claim("person_id", personId)
                .sign();
    }
}
