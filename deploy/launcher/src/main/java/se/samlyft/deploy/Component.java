package se.samlyft.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** One server of the local platform: started, polled until it is ready, and stopped. */
interface Component {

    String name();

    /** Starts the component; returns once it runs, which may be before it is ready. */
    void start() throws IOException, InterruptedException;

    /** Whether the component answers as it should; called repeatedly after {@link #start()}. */
    boolean isReady();

    /** Why the component can no longer become ready (for example, its process exited), if it cannot. */
    Optional<String> failure();

    /** How long the component may take from its start to being ready. */
    Duration startupTimeout();

    Path log();

    /** Stops the component and waits for its processes to exit; does nothing if it is not running. */
    void stop();

    /**
     * Kills the component's processes with SIGKILL, for a drill, and waits for them to be gone; does nothing if it is
     * not running.
     */
    void kill();

    /** The resident memory of the component's processes, where the operating system tells it. */
    OptionalLong residentKiB();
}
