package se.samlyft.integration.subscription;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import se.samlyft.platform.problem.InvalidInput;

/**
 * Which targets webhooks may be sent to, so that a subscription cannot make the platform call into its own networks
 * (server-side request forgery): {@code https} to hosts whose every address is public. Where the local platform allows
 * loopback, also this machine (127.0.0.0/8, ::1), over {@code http} too, on the allowed ports only if any are named.
 * Never private (10/8, 172.16/12, 192.168/16, 100.64/10), link-local (169.254/16, fe80::/10, the cloud metadata
 * address among them), unique-local (fc00::/7), multicast or reserved addresses. The check is made when a subscription
 * is made or changed, and again for every connection, after the host name is resolved: the connection then goes to the
 * addresses checked.
 */
public final class TargetPolicy {

    private final HostResolver resolver;
    private final boolean allowLoopback;
    private final Set<Integer> loopbackPorts;

    public TargetPolicy(HostResolver resolver, boolean allowLoopback, Set<Integer> loopbackPorts) {
        this.resolver = resolver;
        this.allowLoopback = allowLoopback;
        this.loopbackPorts = Set.copyOf(loopbackPorts);
    }

    /**
     * Refuses a target a subscription may not have.
     *
     * @throws InvalidInput naming {@code targetUrl} and the reason
     */
    public void check(TargetUrl target) {
        try {
            addressesOf(target.host(), target.port(), target.isHttps());
        } catch (TargetRefused refused) {
            throw new InvalidInput(TargetUrl.FIELD, refused.getMessage());
        }
    }

    /**
     * The addresses a webhook to the host, port and scheme may go to, every one of them checked.
     *
     * @throws TargetRefused if the host does not resolve, or one of its addresses, the port or the scheme may not be
     *     used
     */
    public List<InetAddress> addressesOf(String host, int port, boolean https) throws TargetRefused {
        List<InetAddress> addresses = connectionAddresses(host);
        boolean allLoopback = addresses.stream().allMatch(address -> AddressKind.of(address) == AddressKind.LOOPBACK);
        for (InetAddress address : addresses) {
            if (AddressKind.of(address) == AddressKind.LOOPBACK
                    && !loopbackPorts.isEmpty()
                    && !loopbackPorts.contains(port)) {
                throw new TargetRefused("names this machine (" + address.getHostAddress() + ") on port " + port
                        + ", which webhooks may not reach");
            }
        }
        if (!https && !allLoopback) {
            throw new TargetRefused("must use https");
        }
        return addresses;
    }

    /**
     * The addresses a connection to the host may go to, resolved now and every one of them checked: what the HTTP
     * client connects to, so that a name resolved again between a check and the connection cannot lead elsewhere.
     *
     * @throws TargetRefused if the host does not resolve, or resolves to an address that may not be called
     */
    public List<InetAddress> connectionAddresses(String host) throws TargetRefused {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (TargetRefused refused) {
            throw refused;
        } catch (UnknownHostException unknown) {
            throw new TargetRefused("names the host " + host + ", which does not resolve to an address");
        }
        if (addresses.isEmpty()) {
            throw new TargetRefused("names the host " + host + ", which does not resolve to an address");
        }
        for (InetAddress address : addresses) {
            AddressKind kind = AddressKind.of(address);
            if (kind != AddressKind.PUBLIC && !(kind == AddressKind.LOOPBACK && allowLoopback)) {
                throw new TargetRefused("names " + describe(host, address) + ", a " + kind.description()
                        + " address, which webhooks may not reach: give a public https address");
            }
        }
        return List.copyOf(addresses);
    }

    private static String describe(String host, InetAddress address) {
        String literal = address.getHostAddress();
        return host.equalsIgnoreCase(literal) ? literal : host + " (" + literal + ")";
    }
}
