package se.samlyft.platform.inbox;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The service's dead letters on its management port, for the installation's administrators (role {@code
 * platform-admin}): {@code GET /actuator/deadletters} tells how many wait, {@code POST /actuator/deadletters} replays
 * them once (see {@link DeadLetterReplay}) and tells what became of them.
 */
@Endpoint(id = DeadLetterEndpoint.ID)
public class DeadLetterEndpoint {

    /** The endpoint's id, and its path under {@code /actuator}. */
    public static final String ID = "deadletters";

    private final DeadLetterReplay replay;

    public DeadLetterEndpoint(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @ReadOperation
    public DeadLetterReplay.Outcome waiting() {
        return replay.waiting();
    }

    @WriteOperation
    public DeadLetterReplay.Outcome replay() {
        return replay.replay();
    }
}
