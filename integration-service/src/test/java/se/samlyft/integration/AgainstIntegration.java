package se.samlyft.integration;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import se.samlyft.integration.fixture.Receiver;
import se.samlyft.integration.subscription.HostResolver;
import se.samlyft.testsupport.EventSender;
import se.samlyft.testsupport.Eventually;
import se.samlyft.testsupport.TestHttp;
import se.samlyft.testsupport.TestTokens;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The running integration service against real PostgreSQL and Kafka, as the local platform runs it
 * ({@link LocalPlatformSettings}), with a receiver on this machine and a producer of the platform's events. Each test names its own tenants ({@link #tenant}).
 */
@LocalPlatformSettings
public abstract class AgainstIntegration {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Resolves to a private address. */
    protected static final String INTRANET_HOST = "intranet.kommun.test";

    /** Resolves to the cloud metadata address. */
    protected static final String METADATA_HOST = "metadata.kommun.test";

    protected static final Receiver RECEIVER = Receiver.onFreePort().start();
    protected static final EventSender EVENTS = new EventSender();

    @LocalServerPort
    protected int port;

    protected TestHttp http;

    @BeforeEach
    void connect() {
        http = TestHttp.onPort(port);
    }

    @AfterAll
    static void keepReceiverRunning() {
        RECEIVER.start();
    }

    /** A tenant slug of this test only, such as {@code mala-3f9c2a}. */
    protected static String tenant(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    protected static String coordinatorOf(String tenant) {
        return TestTokens.get().forUser(tenant + "-samordnare", tenant, "coordinator");
    }

    protected static String federationCoordinatorOf(String federation) {
        return TestTokens.get().forUser(federation + "-projektledare", federation, "federation-coordinator");
    }

    protected static String integratorOf(String tenant) {
        return TestTokens.get()
                .token()
                .username("service-account-" + tenant)
                .organization(tenant)
                .roles("integrator")
                .sign();
    }

    protected static String participantOf(String tenant) {
        return TestTokens.get().forUser(tenant + "-deltagare-1", tenant, "participant");
    }

    /** POST with a JSON body and an Idempotency-Key. */
    protected TestHttp.Response post(String path, String token, Object body) {
        return http.send(http.request(path, token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        body instanceof String text ? text : JSON.writeValueAsString(body)))
                .build());
    }

    /** A subscription of the caller's organisation to the receiver's {@code path}; answers the created view. */
    protected ObjectNode subscribe(String token, String path, String... types) {
        ObjectNode request = JSON.createObjectNode().put("targetUrl", RECEIVER.url(path));
        tools.jackson.databind.node.ArrayNode eventTypes = request.putArray("eventTypes");
        for (String type : types) {
            eventTypes.add(type);
        }
        TestHttp.Response created = post("/api/integrations/subscriptions", token, request);
        if (created.status() != 201) {
            throw new AssertionError("Could not subscribe: " + created.status() + " " + created.body());
        }
        return (ObjectNode) created.json();
    }

    protected static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        return Eventually.until(PATIENCE, probe, done);
    }

    /** Two names of a municipality's intranet; every other name as the system resolves it. */
    @TestConfiguration
    static class Intranet {

        @Bean
        @Primary
        HostResolver intranetResolver() {
            return host -> switch (host) {
                case INTRANET_HOST -> List.of(InetAddress.getByAddress(host, new byte[] {10, 20, 30, 40}));
                case METADATA_HOST ->
                    List.of(InetAddress.getByAddress(
                            host, new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}));
                default -> resolve(host);
            };
        }

        private static List<InetAddress> resolve(String host) throws UnknownHostException {
            return HostResolver.SYSTEM.resolve(host);
        }
    }
}
