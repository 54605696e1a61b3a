package se.samlyft.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;

/**
 * The gateway in front of stand-in services, with tokens from the test issuer; all gateway tests share this one
 * application context. Besides the four services, the test configuration routes {@code /api/archive/**} to a service
 * whose only instance is stopped, {@code /api/slow/**} to one that answers after longer than its timeout,
 * {@code /api/stalling/**} to one that stops halfway through its answer, {@code /api/library/**} to one with an
 * instance that is not ready, and {@code /api/ward/**} to one whose instances say whether they are ready on a
 * management port of their own. The rate
 * limits are small and refill slowly, so each test class uses tenants of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "samlyft.gateway.services.archive.paths=/api/archive/**",
            "samlyft.gateway.services.archive.timeout=2s",
            "samlyft.gateway.services.slow.paths=/api/slow/**",
            "samlyft.gateway.services.slow.timeout=300ms",
            "samlyft.gateway.services.stalling.paths=/api/stalling/**",
            "samlyft.gateway.services.stalling.timeout=500ms",
            "samlyft.gateway.services.library.paths=/api/library/**",
            "samlyft.gateway.services.ward.paths=/api/ward/**",
            "samlyft.gateway.circuit-breaker.sliding-window=4",
            "samlyft.gateway.circuit-breaker.minimum-calls=4",
            "samlyft.gateway.circuit-breaker.open-for=60s",
            "samlyft.gateway.rate-limit.per-tenant.requests=12",
            "samlyft.gateway.rate-limit.per-tenant.period=1h",
            "samlyft.gateway.rate-limit.per-client.requests=8",
            "samlyft.gateway.rate-limit.per-client.period=1h",
            "samlyft.gateway.rate-limit.per-person.requests=3",
            "samlyft.gateway.rate-limit.per-person.period=1h",
            "samlyft.gateway.rate-limit.clients.samlyft-web-app.requests=20",
            "samlyft.gateway.rate-limit.clients.samlyft-web-app.period=1h",
            "management.tracing.sampling.probability=1.0"
        })
abstract class GatewayTestBase {

    static final int PER_TENANT_LIMIT = 12;
    static final int PER_CLIENT_LIMIT = 8;
    static final int PER_PERSON_LIMIT = 3;
    static final int WEB_APPLICATION_LIMIT = 20;
    static final Duration SLOW_ANSWER = Duration.ofSeconds(5);

    static final StandInService IDENTITY = StandInService.start("identity");
    static final StandInService CATALOG_1 = StandInService.start("catalog");
    static final StandInService CATALOG_2 = StandInService.start("catalog");
    static final StandInService ENROLMENT = StandInService.start("enrolment");
    static final StandInService REPORTING = StandInService.start("reporting");
    static final StandInService SLOW = StandInService.startSlow("slow", SLOW_ANSWER);
    static final StandInService STALLING = StandInService.startStalling("stalling", SLOW_ANSWER);
    static final StandInService LIBRARY = StandInService.start("library");
    static final StandInService LIBRARY_STARTING = StandInService.startUnready("library");
    /** A ward instance whose API port says it is not ready, while its management port says it is. */
    static final StandInService WARD_READY_ON_MANAGEMENT_PORT = StandInService.startUnready("ward");

    static final StandInService WARD_MANAGEMENT_PORT = StandInService.start("ward-management");
    /** A ward instance whose API port says it is ready, while nothing answers on its management port. */
    static final StandInService WARD_MANAGEMENT_PORT_DOWN = StandInService.start("ward");

    /** Per service, the management port of each instance, where its readiness is; by default its own port. */
    static final Map<String, List<String>> MANAGEMENT_PORTS = Map.of(
            "ward",
            List.of(
                    String.valueOf(WARD_MANAGEMENT_PORT.port()),
                    StandInService.stoppedInstance().replaceAll(".*:", "")));

    /** Per service, the addresses of its instances. */
    static final Map<String, List<String>> INSTANCES = Map.of(
            "identity", List.of(IDENTITY.uri(), StandInService.stoppedInstance()),
            "catalog", List.of(CATALOG_1.uri(), CATALOG_2.uri()),
            "enrolment", List.of(ENROLMENT.uri()),
            "reporting", List.of(REPORTING.uri()),
            "archive", List.of(StandInService.stoppedInstance()),
            "slow", List.of(SLOW.uri()),
            "stalling", List.of(STALLING.uri()),
            "library", List.of(LIBRARY_STARTING.uri(), LIBRARY.uri()),
            "ward", List.of(WARD_READY_ON_MANAGEMENT_PORT.uri(), WARD_MANAGEMENT_PORT_DOWN.uri()));

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    TestHttp http;

    /** The gateway's own health and metrics. */
    TestHttp management;

    @DynamicPropertySource
    static void instancesAndIssuer(DynamicPropertyRegistry registry) {
        INSTANCES.forEach((service, uris) -> {
            for (int i = 0; i < uris.size(); i++) {
                String uri = uris.get(i);
                String instance = "spring.cloud.discovery.client.simple.instances." + service + "[" + i + "]";
                String managementPort = MANAGEMENT_PORTS.containsKey(service)
                        ? MANAGEMENT_PORTS.get(service).get(i)
                        : uri.replaceAll(".*:", "");
                registry.add(instance + ".uri", () -> uri);
                registry.add(instance + ".metadata.management-port", () -> managementPort);
            }
        });
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.get()::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.get()::jwkSetUri);
    }

    @BeforeEach
    void connect() {
        http = TestHttp.onPort(port);
        management = TestHttp.onPort(managementPort);
        allStandIns().forEach(StandInService::forget);
    }

    static Stream<StandInService> allStandIns() {
        return Stream.of(
                IDENTITY,
                CATALOG_1,
                CATALOG_2,
                ENROLMENT,
                REPORTING,
                SLOW,
                STALLING,
                LIBRARY,
                LIBRARY_STARTING,
                WARD_READY_ON_MANAGEMENT_PORT,
                WARD_MANAGEMENT_PORT,
                WARD_MANAGEMENT_PORT_DOWN);
    }

    static List<StandInService.Received> receivedByAll() {
        return allStandIns().flatMap(standIn -> standIn.received().stream()).toList();
    }
}
