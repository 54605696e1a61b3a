package se.samlyft.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Mints access tokens shaped like the demo realm's Keycloak tokens (issuer, {@code organization} claim, realm roles,
 * {@code samlyft} audience), signed with RS256 by a key whose JWKS this class serves over HTTP, so a service under
 * test validates them exactly as it validates Keycloak's.
 */
public final class TestTokens {

    public static final String REALM_PATH = "/realms/samlyft";
    public static final String JWKS_PATH = REALM_PATH + "/protocol/openid-connect/certs";
    public static final String AUDIENCE = "samlyft";

    private static @Nullable TestTokens instance;

    private final RSAKey signingKey;
    private final String issuer;

    private TestTokens(RSAKey signingKey, String issuer) {
        this.signingKey = signingKey;
        this.issuer = issuer;
    }

    /** The issuer of this JVM, its JWKS endpoint started on first use. */
    public static synchronized TestTokens get() {
        if (instance == null) {
            RSAKey key = newKey();
            HttpServer server = serveJwks(new JWKSet(key.toPublicJWK()).toString());
            instance = new TestTokens(
                    key, "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH);
        }
        return instance;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer.substring(0, issuer.length() - REALM_PATH.length()) + JWKS_PATH;
    }

    /** A token for a member of {@code tenant} with the given realm roles. */
    public String forUser(String username, String tenant, String... roles) {
        return token().username(username).organization(tenant).roles(roles).sign();
    }

    /** A builder starting from a valid token of this issuer for the {@code samlyft} audience, valid for 5 minutes. */
    public Builder token() {
        return new Builder();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the test signing key", e);
        }
    }

    private static HttpServer serveJwks(String jwks) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            server.createContext(JWKS_PATH, exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-jwks-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test JWKS endpoint", e);
        }
    }

    /** Builds one token; every setter returns the builder. */
    public final class Builder {

        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(5);
        private RSAKey key = signingKey;

        private Builder() {
            claims.issuer(issuer)
                    .audience(List.of(AUDIENCE, "account"))
                    .jwtID(UUID.randomUUID().toString());
        }

        public Builder username(String username) {
            claims.subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8))
                            .toString())
                    .claim("preferred_username", username);
            return this;
        }

        /** The {@code organization} claim as Keycloak writes it: a list of aliases. */
        public Builder organization(String... aliases) {
            claims.claim("organization", List.of(aliases));
            return this;
        }

        public Builder roles(String... roles) {
            claims.claim("realm_access", Map.of("roles", new ArrayList<>(List.of(roles))));
            return this;
        }

        public Builder issuer(String otherIssuer) {
            claims.issuer(otherIssuer);
            return this;
        }

        public Builder audience(String... audiences) {
            claims.audience(List.of(audiences));
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        public Builder expired() {
            issuedAt = Instant.now().minus(Duration.ofHours(1));
            lifetime = Duration.ofMinutes(5);
            return this;
        }

        /** Signs with a key the service does not trust, as a foreign issuer would. */
        public Builder signedByForeignKey() {
            key = newKey();
            return this;
        }

        /** The token with {@code "alg": "none"} and no signature, as an attacker would send it. */
        public String unsigned() {
            stampTimes();
            return new PlainJWT(claims.build()).serialize();
        }

        public String sign() {
            stampTimes();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException("Could not sign the test token", e);
            }
            return jwt.serialize();
        }

        private void stampTimes() {
            claims.issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)));
        }
    }
}
