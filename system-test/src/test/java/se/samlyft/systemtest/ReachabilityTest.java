package se.samlyft.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.samlyft.testsupport.TestHttp;

/**
 * The services are reachable only where intended (issue 19): each binds to the loopback address the launcher gives
 * it, with its API and its management port; health and metrics are on the management port only, and the API port
 * serves no actuator endpoint, with a token or without.
 */
class ReachabilityTest {

    private static final List<String> COMPONENTS = List.of("gateway", "identity", "catalog", "enrolment", "reporting");

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.keycloakUrl());

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        String coordinator = keycloak.tokenOf("lycksele-samordnare");
        for (String component : COMPONENTS) {
            TestHttp management = TestHttp.onPort(platform.managementPort(component));
            TestHttp api = TestHttp.onPort(platform.port(component));

            assertThat(management.get("/actuator/health/readiness", null).status())
                    .as(component + " readiness on its management port")
                    .isEqualTo(200);
            assertThat(management
                            .send(management
                                    .request("/actuator/prometheus", null)
                                    .setHeader("Accept", "text/plain")
                                    .build())
                            .body())
                    .as(component + " metrics on its management port")
                    .contains("jvm_memory_used_bytes");
            for (String endpoint : List.of("/actuator/prometheus", "/actuator/health", "/actuator/deadletters")) {
                TestHttp.Response anonymous = api.get(endpoint, null);
                TestHttp.Response withToken = api.get(endpoint, coordinator);
                assertThat(List.of(anonymous.status(), withToken.status()))
                        .as(component + " " + endpoint + " on the API port")
                        .allSatisfy(status -> assertThat(status).isIn(401, 403, 404));
                assertThat(anonymous.body() + withToken.body()).doesNotContain("jvm_memory", "\"UP\"");
            }
        }
    }

    @Test
    void everyServiceReachesTheClosedBrokerWithItsOwnPrincipal() {
        for (String service : List.of("identity", "catalog", "enrolment", "reporting")) {
            TestHttp management = TestHttp.onPort(platform.managementPort(service));

            assertThat(management
                            .get("/actuator/health", null)
                            .json()
                            .path("components")
                            .path("kafka")
                            .path("status")
                            .asString())
                    .as(service + "'s view of Kafka")
                    .isEqualTo("UP");
        }
    }

    @Test
    void everyServiceListensOnTheLoopbackAddressAlone() {
        Optional<InetAddress> outside = nonLoopbackAddress();
        assumeTrue(
                outside.isPresent(),
                "This machine has no address but the loopback one, so no service can be reached from elsewhere");
        for (String component : COMPONENTS) {
            for (int port : List.of(platform.port(component), platform.managementPort(component))) {
                assertThat(connects(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)))
                        .as(component + " on 127.0.0.1:" + port)
                        .isTrue();
                assertThat(connects(new InetSocketAddress(outside.get(), port)))
                        .as(component + " on " + outside.get().getHostAddress() + ":" + port)
                        .isFalse();
            }
        }
    }

    private static boolean connects(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(network -> {
                        try {
                            return network.isUp() && !network.isLoopback();
                        } catch (SocketException unknown) {
                            return false;
                        }
                    })
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .findFirst();
        } catch (SocketException unknown) {
            return Optional.empty();
        }
    }
}
