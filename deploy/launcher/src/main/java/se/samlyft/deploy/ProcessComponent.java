package se.samlyft.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** A component that is one operating-system process with one log: what it failed of, how it stops, what it uses. */
abstract class ProcessComponent implements Component {

    private final Path log;
    private final Duration stopTimeout;
    private volatile Optional<ManagedProcess> process = Optional.empty();

    ProcessComponent(Path log, Duration stopTimeout) {
        this.log = log;
        this.stopTimeout = stopTimeout;
    }

    /** Records the process that {@link #start()} launched. */
    final void running(ManagedProcess started) {
        process = Optional.of(started);
    }

    @Override
    public Optional<String> failure() {
        return process.flatMap(ManagedProcess::exitCode).map(code -> name() + " exited with code " + code);
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public void stop() {
        process.ifPresent(running -> running.stop(stopTimeout));
    }

    @Override
    public void kill() {
        process.ifPresent(ManagedProcess::kill);
    }

    @Override
    public OptionalLong residentKiB() {
        return process.map(ManagedProcess::residentKiB).orElse(OptionalLong.empty());
    }
}
