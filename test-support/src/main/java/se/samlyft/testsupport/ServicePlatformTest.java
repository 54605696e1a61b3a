package se.samlyft.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every service promises the platform, proved on the running service against the real PostgreSQL and Kafka:
 * health and readiness, tokens required and understood, and a database role held by row-level security. A service's
 * integration test extends this, seeds rows of two tenants, and adds its own behaviour.
 */
@ServiceIntegrationTest
public abstract class ServicePlatformTest {

    /** The two tenants {@link #seedRowsOfTwoTenants} gives rows. */
    protected static final String ARVIDSJAUR = "arvidsjaur";

    protected static final String MALA = "mala";

    private final String apiBasePath;

    @LocalServerPort
    protected int port;

    /** The management port, with health, readiness and metrics, apart from the API. */
    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected TestDatabase database;

    /** Statements on the service's own connections, as its application role. */
    @Autowired
    private JdbcTemplate applicationJdbc;

    protected TestHttp http;

    protected TestHttp management;

    protected ServicePlatformTest(String apiBasePath) {
        this.apiBasePath = apiBasePath;
    }

    /** Writes, as the owning role and so past row-level security, rows of {@link #ARVIDSJAUR} and {@link #MALA}. */
    protected abstract void seedRowsOfTwoTenants(JdbcTemplate owner);

    @BeforeEach
    void connectAndSeed() {
        http = TestHttp.onPort(port);
        management = TestHttp.onPort(managementPort);
        seedRowsOfTwoTenants(new JdbcTemplate(database.ownerDataSource()));
    }

    protected static String participantOf(String tenant) {
        return TestTokens.get().forUser(tenant + "-deltagare-1", tenant, "participant");
    }

    @Test
    void isReadyWithoutATokenOnItsManagementPort() {
        var readiness = management.get("/actuator/health/readiness", null);

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void reportsItsDatabaseAndTheKafkaBrokerUp() {
        var components = management.get("/actuator/health", null).json().path("components");

        assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("kafka").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void exportsPrometheusMetricsOfTheJvmAndTheConnectionPoolOnItsManagementPort() {
        var metrics = management.send(management
                .request("/actuator/prometheus", null)
                .setHeader("Accept", "text/plain")
                .build());

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jdbc_connections_max", "jvm_memory_used_bytes");
    }

    @Test
    void leavesTheDeadLettersOnTheManagementPortToThePlatformsAdministrators() {
        String coordinator = TestTokens.get().forUser("arvidsjaur-samordnare", ARVIDSJAUR, "coordinator");
        String administrator = TestTokens.get()
                .token()
                .username("samlyft-forvaltare")
                .roles("platform-admin")
                .sign();

        assertThat(management.send(replay(null)).status()).isEqualTo(401);
        assertThat(management.send(replay(coordinator)).status()).isEqualTo(403);
        var waiting = management.get("/actuator/deadletters", administrator);
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(200);
        assertThat(waiting.json().path("topic").asString()).matches("samlyft\\.[a-z]+\\.dlt");
        assertThat(waiting.json().has("waiting")).isTrue();
    }

    private HttpRequest replay(@Nullable String token) {
        return management
                .request("/actuator/deadletters", token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    @Test
    void servesNoHealthOrMetricsOnTheApiPortWithOrWithoutAToken() {
        String token = TestTokens.get().forUser("arvidsjaur-samordnare", ARVIDSJAUR, "coordinator");

        for (String endpoint : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/info"}) {
            var anonymous = http.send(http.request(endpoint, null)
                    .setHeader("Accept", "text/plain")
                    .build());
            var withToken = http.send(http.request(endpoint, token)
                    .setHeader("Accept", "text/plain")
                    .build());

            assertThat(anonymous.status()).as(endpoint + " without a token").isIn(401, 404);
            assertThat(withToken.status()).as(endpoint + " with a token").isEqualTo(404);
            assertThat(anonymous.body() + withToken.body()).doesNotContain("jvm_memory_used_bytes", "\"UP\"");
        }
    }

    @Test
    void refusesACallWithoutAToken() {
        assertThat(http.get(apiBasePath + "/me", null).status()).isEqualTo(401);
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        String foreign = TestTokens.get()
                .token()
                .username("arvidsjaur-deltagare-1")
                .organization(ARVIDSJAUR)
                .signedByForeignKey()
                .sign();

        assertThat(http.get(apiBasePath + "/me", foreign).status()).isEqualTo(401);
    }

    @Test
    void refusesAnExpiredOrUnsignedTokenAndOneOfAnotherAudienceOrIssuer() {
        TestTokens tokens = TestTokens.get();

        String expired = tokens.token()
                .username("mala-chef")
                .organization(MALA)
                .expired()
                .sign();
        String unsigned =
                tokens.token().username("mala-chef").organization(MALA).unsigned();
        String otherAudience = tokens.token()
                .username("mala-chef")
                .organization(MALA)
                .audience("account")
                .sign();
        String otherIssuer = tokens.token()
                .username("mala-chef")
                .organization(MALA)
                .issuer("http://127.0.0.1:1/realms/samlyft")
                .sign();

        assertThat(http.get(apiBasePath + "/me", otherIssuer).status())
                .as("issuer")
                .isEqualTo(401);
        assertThat(http.get(apiBasePath + "/me", expired).status())
                .as("expired")
                .isEqualTo(401);
        assertThat(http.get(apiBasePath + "/me", unsigned).status())
                .as("alg none")
                .isEqualTo(401);
        assertThat(http.get(apiBasePath + "/me", otherAudience).status())
                .as("audience")
                .isEqualTo(401);
    }

    @Test
    void namesTheTenantAndRolesOfTheToken() {
        String token = TestTokens.get().forUser("arvidsjaur-samordnare", ARVIDSJAUR, "coordinator");

        var me = http.get(apiBasePath + "/me", token);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("tenant").asString()).isEqualTo(ARVIDSJAUR);
        assertThat(me.json().path("username").asString()).isEqualTo("arvidsjaur-samordnare");
        assertThat(me.json().path("roles").get(0).asString()).isEqualTo("coordinator");
    }

    @Test
    void keepsAWellFormedCorrelationIdAndReplacesAMalformedOne() {
        String token = participantOf(ARVIDSJAUR);

        var kept = http.send(http.request(apiBasePath + "/me", token)
                .header("X-Correlation-Id", "samlyft-test-0001")
                .build());
        var replaced = http.send(http.request(apiBasePath + "/me", token)
                .header("X-Correlation-Id", "not an id; drop table")
                .build());

        assertThat(kept.header("X-Correlation-Id")).isEqualTo("samlyft-test-0001");
        assertThat(replaced.header("X-Correlation-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void everyStatementOfTheServiceEndsWithinItsTimeout() {
        String timeout = applicationJdbc.queryForObject("show statement_timeout", String.class);

        assertThat(timeout).as("statement_timeout of the service's connections").isEqualTo("30s");
    }

    @Test
    void applicationRoleCannotBypassRowLevelSecurity() {
        RowLevelSecurityChecks checks = new RowLevelSecurityChecks(database);

        checks.assertApplicationRoleIsUnprivileged();
        checks.assertEveryTenantTableHasAPolicy();
        checks.tenantOwnedTables().forEach(checks::assertApplicationRoleCannotBypass);
    }
}
