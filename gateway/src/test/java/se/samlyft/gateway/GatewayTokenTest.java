package se.samlyft.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;

/** Only a valid token of a trusted issuer, for the platform, naming one organisation, passes the gateway. */
class GatewayTokenTest extends GatewayTestBase {

    private static final String API = "/api/catalog/courses";

    @Test
    void refusesARequestWithoutAToken() {
        assertRefusedAsUnauthenticated(http.get(API, null));
    }

    @Test
    void refusesAnExpiredToken() {
        assertRefusedAsUnauthenticated(http.get(API, validToken().expired().sign()));
    }

    @Test
    void refusesATokenOfAnIssuerItDoesNotTrust() {
        String sameKeyOtherIssuer =
                validToken().issuer("https://login.example.org/realms/samlyft").sign();
        String otherKey = validToken().signedByForeignKey().sign();

        assertRefusedAsUnauthenticated(http.get(API, sameKeyOtherIssuer));
        assertRefusedAsUnauthenticated(http.get(API, otherKey));
    }

    @Test
    void refusesAnUnsignedToken() {
        String unsigned = validToken().unsigned();

        assertThat(unsigned).startsWith("eyJhbGciOiJub25lIn0");
        assertRefusedAsUnauthenticated(http.get(API, unsigned));
    }

    @Test
    void refusesATokenSignedWithASharedSecret() throws JOSEException {
        SignedJWT hmac = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .issuer(TestTokens.get().issuer())
                        .audience(TestTokens.AUDIENCE)
                        .subject("kramfors-chef")
                        .claim("organization", List.of("kramfors"))
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .build());
        hmac.sign(new MACSigner("a-shared-secret-of-at-least-256-bits!".getBytes(StandardCharsets.UTF_8)));

        assertRefusedAsUnauthenticated(http.get(API, hmac.serialize()));
    }

    @Test
    void refusesATokenForAnotherAudience() {
        assertRefusedAsUnauthenticated(
                http.get(API, validToken().audience("account").sign()));
    }

    @Test
    void refusesATokenThatNamesNoOrganisationOrSeveral() {
        String none = TestTokens.get()
                .token()
                .username("kramfors-chef")
                .roles("manager")
                .sign();
        String several = TestTokens.get()
                .token()
                .username("kramfors-chef")
                .organization("kramfors", "solleftea")
                .roles("manager")
                .sign();

        for (String token : List.of(none, several)) {
            TestHttp.Response response = http.get(API, token);
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.json().get("detail").asString()).contains("names no organisation");
        }
        assertThat(receivedByAll()).isEmpty();
    }

    @Test
    void opensOnlyHealthAndMetricsOnTheManagementPortAndTheApiDocumentsWithoutAToken() {
        assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(management
                        .send(management
                                .request("/actuator/prometheus", null)
                                .setHeader("Accept", "text/plain")
                                .build())
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/docs", null).status()).isEqualTo(200);
        assertThat(http.get("/api/docs/catalog", null).status()).isEqualTo(200);

        assertThat(http.get("/actuator/health/readiness", null).status())
                .as("no health on the API port")
                .isEqualTo(404);
        assertThat(http.get("/actuator/prometheus", null).status())
                .as("no metrics on the API port")
                .isEqualTo(404);
        assertThat(http.get("/actuator/info", null).status()).isEqualTo(401);
        assertThat(management.get("/actuator/info", null).status()).isEqualTo(401);
        assertThat(http.get("/api/enrolments", null).status()).isEqualTo(401);
        assertThat(http.send(http.request("/api/enrolments", null)
                                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                .build())
                        .status())
                .isEqualTo(401);
    }

    private static TestTokens.Builder validToken() {
        return TestTokens.get()
                .token()
                .username("kramfors-chef")
                .organization("kramfors")
                .roles("manager");
    }

    private void assertRefusedAsUnauthenticated(TestHttp.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.json().get("instance").asString()).isEqualTo(API);
        assertThat(receivedByAll()).isEmpty();
    }
}
