package se.samlyft.gateway.routing;

import java.io.IOException;
import java.time.Duration;

/**
 * A service's answer stopped before it was complete, while the gateway was passing it on: the service's timeout cut it
 * off, or the connection broke.
 */
public class AnswerBrokeOff extends IOException {

    private static final long serialVersionUID = 1L;

    private final String service;
    private final Duration timeout;

    AnswerBrokeOff(String service, Duration timeout, IOException cause) {
        super("The answer of the " + service + " service broke off", cause);
        this.service = service;
        this.timeout = timeout;
    }

    /** The service whose answer broke off. */
    public String service() {
        return service;
    }

    /** The service's timeout, the longest its whole answer may take. */
    public Duration timeout() {
        return timeout;
    }
}
