package se.samlyft.integration.subscription;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a host name (or an address literal) to the addresses a connection to it would go to. */
@FunctionalInterface
public interface HostResolver {

    /** The system's resolver. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
