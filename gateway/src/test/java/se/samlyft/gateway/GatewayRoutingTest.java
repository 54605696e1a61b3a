package se.samlyft.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;

/**
 * The gateway in front of four stand-in services (plain HTTP servers that say who they are and what they received),
 * with tokens from the test issuer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class GatewayRoutingTest {

    private static final List<String> SERVICES = List.of("identity", "catalog", "enrolment", "reporting");
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, HttpServer> DOWNSTREAM = startDownstream();

    @LocalServerPort
    int port;

    TestHttp http;

    record Received(String service, String path, String authorization, String correlationId) {}

    @DynamicPropertySource
    static void routesAndIssuer(DynamicPropertyRegistry registry) {
        for (String service : SERVICES) {
            registry.add(
                    "samlyft.routes." + service,
                    () -> "http://127.0.0.1:"
                            + DOWNSTREAM.get(service).getAddress().getPort());
        }
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.get()::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.get()::jwkSetUri);
    }

    @BeforeEach
    void connect() {
        http = TestHttp.onPort(port);
        RECEIVED.clear();
    }

    @AfterAll
    static void stopDownstream() {
        DOWNSTREAM.values().forEach(server -> server.stop(0));
    }

    @Test
    void routesEachApiToItsServiceWithTheCallersToken() {
        String token = TestTokens.get().forUser("arvidsjaur-deltagare-1", "arvidsjaur", "participant");

        assertThat(http.get("/api/identity/me", token).body()).isEqualTo("identity");
        assertThat(http.get("/api/catalog/courses", token).body()).isEqualTo("catalog");
        assertThat(http.get("/api/enrolments", token).body()).isEqualTo("enrolment");
        assertThat(http.get("/api/reports/participation", token).body()).isEqualTo("reporting");

        assertThat(RECEIVED)
                .extracting(Received::path)
                .containsExactly(
                        "/api/identity/me", "/api/catalog/courses", "/api/enrolments", "/api/reports/participation");
        assertThat(RECEIVED).extracting(Received::authorization).containsOnly("Bearer " + token);
    }

    @Test
    void passesTheCorrelationIdOnToTheService() {
        String token = TestTokens.get().forUser("mala-chef", "mala", "manager");

        var response = http.send(http.request("/api/catalog/courses", token)
                .header("X-Correlation-Id", "samlyft-gateway-42")
                .build());

        assertThat(response.raw().headers().allValues("X-Correlation-Id")).containsExactly("samlyft-gateway-42");
        assertThat(RECEIVED).extracting(Received::correlationId).containsExactly("samlyft-gateway-42");
    }

    @Test
    void logsEachRequestUnderItsCorrelationIdWithoutTheToken(CapturedOutput output) {
        String token = TestTokens.get().forUser("storuman-samordnare", "storuman", "coordinator");

        http.send(http.request("/api/reports/participation?personnummer=191212121212", token)
                .header("X-Correlation-Id", "samlyft-logged-7")
                .build());

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut())
                        .containsPattern("samlyft-logged-7.*GET /api/reports/participation 200 \\d+ ms"));
        assertThat(output.getOut()).doesNotContain(token).doesNotContain("191212121212");
    }

    @Test
    void refusesACallWithoutAValidTokenBeforeItReachesAService() {
        String expired = TestTokens.get()
                .token()
                .username("arvidsjaur-deltagare-1")
                .organization("arvidsjaur")
                .expired()
                .sign();

        assertThat(http.get("/api/catalog/courses", null).status()).isEqualTo(401);
        assertThat(http.get("/api/catalog/courses", expired).status()).isEqualTo(401);
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void answersHealthWithoutAToken() {
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    private static Map<String, HttpServer> startDownstream() {
        Map<String, HttpServer> servers = new LinkedHashMap<>();
        for (String service : SERVICES) {
            servers.put(service, startStandIn(service));
        }
        return servers;
    }

    private static HttpServer startStandIn(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                RECEIVED.add(new Received(
                        service,
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("X-Correlation-Id")));
                byte[] body = service.getBytes(StandardCharsets.UTF_8);
                String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
                if (correlationId != null) {
                    exchange.getResponseHeaders().add("X-Correlation-Id", correlationId);
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the stand-in " + service + " service", e);
        }
    }
}
