package se.samlyft.integration.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samlyft.platform.problem.InvalidInput;

class TargetPolicyTest {

    private static final HostResolver RESOLVER = host -> switch (host) {
        case "hr.kommun.test" -> List.of(address("192.168.10.5"));
        case "lon.kommun.se" -> List.of(address("93.184.216.34"));
        case "delad.kommun.se" -> List.of(address("93.184.216.34"), address("10.1.1.1"));
        case "localhost" -> List.of(address("127.0.0.1"));
        default -> HostResolver.SYSTEM.resolve(host);
    };

    private final TargetPolicy production = new TargetPolicy(RESOLVER, false, Set.of());
    private final TargetPolicy local = new TargetPolicy(RESOLVER, true, Set.of(35087));

    @Test
    void allowsHttpsToPublicAddressesOnly() throws Exception {
        assertThat(production.addressesOf("lon.kommun.se", 443, true)).containsExactly(address("93.184.216.34"));
        assertThat(refusal(production, "https://hr.kommun.test/")).contains("192.168.10.5", "private");
        assertThat(refusal(production, "https://delad.kommun.se/")).contains("10.1.1.1");
        assertThat(refusal(production, "http://lon.kommun.se/")).contains("must use https");
    }

    @Test
    void refusesThisMachineOutsideTheLocalPlatform() {
        assertThat(refusal(production, "http://127.0.0.1/")).contains("loopback");
        assertThat(refusal(production, "https://127.0.0.1:8443/")).contains("loopback");
        assertThat(refusal(production, "https://localhost/")).contains("localhost (127.0.0.1)");
        assertThat(refusal(production, "https://[::1]/")).contains("loopback");
    }

    @Test
    void allowsThisMachineInTheLocalPlatformOnItsPortsOnly() throws Exception {
        assertThat(local.addressesOf("127.0.0.1", 35087, false)).containsExactly(address("127.0.0.1"));
        assertThat(refusal(local, "http://127.0.0.1:35080/")).contains("port 35080");
        assertThat(refusal(local, "https://169.254.169.254/")).contains("link-local");
    }

    @Test
    void judgesEveryKindOfInternalAddress() throws Exception {
        assertThat(kind("169.254.169.254")).isEqualTo(AddressKind.LINK_LOCAL);
        assertThat(kind("10.0.0.1")).isEqualTo(AddressKind.PRIVATE);
        assertThat(kind("172.31.255.255")).isEqualTo(AddressKind.PRIVATE);
        assertThat(kind("172.32.0.1")).isEqualTo(AddressKind.PUBLIC);
        assertThat(kind("100.64.0.1")).isEqualTo(AddressKind.PRIVATE);
        assertThat(kind("0.0.0.0")).isEqualTo(AddressKind.UNSPECIFIED);
        assertThat(kind("224.0.0.1")).isEqualTo(AddressKind.MULTICAST);
        assertThat(kind("255.255.255.255")).isEqualTo(AddressKind.RESERVED);
        assertThat(kind("198.18.0.1")).isEqualTo(AddressKind.RESERVED);
        assertThat(kind("fd12:3456::1")).isEqualTo(AddressKind.UNIQUE_LOCAL);
        assertThat(kind("fe80::1")).isEqualTo(AddressKind.LINK_LOCAL);
        assertThat(kind("::1")).isEqualTo(AddressKind.LOOPBACK);
        assertThat(kind("::")).isEqualTo(AddressKind.UNSPECIFIED);
        assertThat(kind("::ffff:169.254.169.254")).isEqualTo(AddressKind.LINK_LOCAL);
        assertThat(kind("64:ff9b::a00:1")).isEqualTo(AddressKind.PRIVATE);
        assertThat(kind("2002:a00:1::1")).isEqualTo(AddressKind.PRIVATE);
        assertThat(kind("2001:db8::1")).isEqualTo(AddressKind.RESERVED);
        assertThat(kind("ff02::1")).isEqualTo(AddressKind.MULTICAST);
        assertThat(kind("2a00:1450:4010::1")).isEqualTo(AddressKind.PUBLIC);
        assertThat(kind("8.8.8.8")).isEqualTo(AddressKind.PUBLIC);
    }

    @Test
    void refusesAConnectionToAnAddressTheNameResolvesToLater() {
        assertThatThrownBy(() -> production.connectionAddresses("hr.kommun.test"))
                .isInstanceOf(TargetRefused.class)
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("192.168.10.5");
    }

    private static String refusal(TargetPolicy policy, String url) {
        try {
            policy.check(TargetUrl.parse(url));
        } catch (InvalidInput refused) {
            assertThat(refused.field()).contains("targetUrl");
            return refused.getMessage();
        }
        throw new AssertionError(url + " was allowed");
    }

    private static AddressKind kind(String literal) throws UnknownHostException {
        return AddressKind.of(InetAddress.getByName(literal));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
