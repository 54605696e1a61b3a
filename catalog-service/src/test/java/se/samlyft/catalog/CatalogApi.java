package se.samlyft.catalog;

import java.net.http.HttpRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;

/** The catalog's API as a client calls it in tests: JSON bodies, bearer tokens, and the catalog's people. */
public final class CatalogApi {

    private final TestHttp http;

    public CatalogApi(TestHttp http) {
        this.http = http;
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

    public TestHttp.Response post(String path, String token) {
        return http.send(http.request(path, token)
                .POST(HttpRequest.BodyPublishers.noBody())
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

    /** The fields a 400 problem names, in its order. */
    public static List<String> invalidFields(TestHttp.Response refused) {
        return refused.json()
                .path("errors")
                .valueStream()
                .map(error -> error.path("field").asString())
                .toList();
    }

    /** A coordinator of {@code tenant}. */
    public static String coordinatorOf(String tenant) {
        return TestTokens.get().forUser(tenant + "-samordnare", tenant, "coordinator");
    }

    /** A federation's project leader. */
    public static String federationCoordinatorOf(String federation) {
        return TestTokens.get().forUser(federation + "-projektledare", federation, "federation-coordinator");
    }

    /** A care worker of {@code tenant}. */
    public static String participantOf(String tenant) {
        return TestTokens.get().forUser(tenant + "-deltagare", tenant, "participant");
    }

    /** A manager of {@code tenant}. */
    public static String managerOf(String tenant) {
        return TestTokens.get().forUser(tenant + "-chef", tenant, "manager");
    }
}
