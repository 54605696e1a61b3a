package se.samlyft.deploy;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** An operating-system process of the platform, with its output in a log file. */
final class ManagedProcess {

    private static final Duration GRACE_FOR_DESCENDANTS = Duration.ofSeconds(5);

    private final Process process;

    private ManagedProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code command} in {@code directory}, writing its output to {@code log} (replacing an earlier run's)
     * and giving it no input; {@code environment} may adjust the inherited environment.
     */
    static ManagedProcess start(
            List<String> command, Path directory, Path log, Consumer<Map<String, String>> environment)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(log.toFile()));
        environment.accept(builder.environment());
        Process process = builder.start();
        process.getOutputStream().close();
        return new ManagedProcess(process);
    }

    /** Runs {@code command} to its end, appending its output to {@code log}, and returns its exit code. */
    static int run(List<String> command, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
        process.getOutputStream().close();
        return process.waitFor();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    OptionalLong residentKiB() {
        return ResidentMemory.ofTree(process.toHandle());
    }

    /**
     * Asks the process to stop (SIGTERM), waits up to {@code timeout}, then kills it; processes it started are
     * treated the same way, so none is left behind.
     */
    void stop(Duration timeout) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!awaitExit(process.toHandle(), timeout)) {
            process.destroyForcibly();
            awaitExit(process.toHandle(), GRACE_FOR_DESCENDANTS);
        }
        stopAll(descendants);
    }

    /**
     * Kills the process and every process it started at once (SIGKILL), as a crash or the kernel's out-of-memory
     * killer would, and waits for them to be gone: nothing gets to finish, flush or say goodbye.
     */
    void kill() {
        killAll(Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .toList());
    }

    /** Kills processes, whoever started them, at once (SIGKILL), and waits for them to be gone. */
    static void killAll(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : processes) {
            awaitExit(handle, GRACE_FOR_DESCENDANTS);
        }
    }

    /** Stops processes that were not started by this JVM, such as those a script started, in the same way. */
    static void stopAll(List<ProcessHandle> processes) {
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : processes) {
            if (!awaitExit(handle, GRACE_FOR_DESCENDANTS)) {
                handle.destroyForcibly();
                awaitExit(handle, GRACE_FOR_DESCENDANTS);
            }
        }
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        CompletableFuture<ProcessHandle> exit = handle.onExit();
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    /** The last {@code count} lines of a log file, or none if it cannot be read. */
    static List<String> tail(Path log, int count) {
        try {
            String content = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            if (content.isBlank()) {
                return List.of();
            }
            List<String> lines = Arrays.asList(content.split("\\R"));
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        } catch (IOException e) {
            return List.of();
        }
    }
}
