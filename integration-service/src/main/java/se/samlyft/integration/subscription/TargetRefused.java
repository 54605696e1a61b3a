package se.samlyft.integration.subscription;

import java.net.UnknownHostException;

/**
 * A target that webhooks may not be sent to: its host does not resolve, or resolves to an address that is not public
 * (or not this machine where the local platform allows that). An {@link UnknownHostException}, so that the HTTP client
 * resolving a connection's address refuses the connection with it.
 */
public class TargetRefused extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    public TargetRefused(String reason) {
        super(reason);
    }
}
