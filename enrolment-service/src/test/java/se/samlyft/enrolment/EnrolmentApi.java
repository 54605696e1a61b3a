package se.samlyft.enrolment;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;

/** The enrolment API as a client calls it in tests: JSON bodies, bearer tokens, and the people who call it. */
public final class EnrolmentApi {

    private final TestHttp http;

    public EnrolmentApi(TestHttp http) {
        this.http = http;
    }

    public TestHttp.Response get(String path, String token) {
        return http.get(path, token);
    }

    public TestHttp.Response post(String path, String token, String json) {
        return post(path, token, json, null);
    }

    public TestHttp.Response post(String path, String token, String json, @Nullable String idempotencyKey) {
        HttpRequest.Builder request = http.request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build());
    }

    public TestHttp.Response post(String path, String token) {
        return http.send(http.request(path, token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** Requests a seat on {@code offering} for the caller. */
    public TestHttp.Response enrol(String token, UUID offering) {
        return post("/api/enrolments", token, "{\"offeringId\":\"" + offering + "\"}");
    }

    /** A request to the enrolment API with {@code token}, to finish and {@link #send}. */
    public HttpRequest.Builder request(String path, String token) {
        return http.request(path, token);
    }

    public TestHttp.Response send(HttpRequest.Builder request) {
        return http.send(request.build());
    }

    public TestHttp.Response act(String token, String enrolmentId, String action) {
        return post("/api/enrolments/" + enrolmentId + "/" + action, token);
    }

    /** The fields a 400 problem names, in its order. */
    public static List<String> invalidFields(TestHttp.Response refused) {
        return refused.json()
                .path("errors")
                .valueStream()
                .map(error -> error.path("field").asString())
                .toList();
    }

    /** A care worker of {@code tenant} who is the person {@code personId}. */
    public static String participant(String tenant, UUID personId) {
        return TestTokens.get()
                .token()
                .username(tenant + "-deltagare-" + personId)
                .organization(tenant)
                .roles("participant")
                .claim("person_id", personId.toString())
                .sign();
    }

    /** A manager of {@code tenant} who is the person {@code personId}. */
    public static String manager(String tenant, UUID personId) {
        return TestTokens.get()
                .token()
                .username(tenant + "-chef-" + personId)
                .organization(tenant)
                .roles("manager")
                .claim("person_id", personId.toString())
                .sign();
    }

    /** The contact person of {@code tenant}. */
    public static String coordinator(String tenant) {
        return TestTokens.get().forUser(tenant + "-samordnare", tenant, "coordinator");
    }
}
