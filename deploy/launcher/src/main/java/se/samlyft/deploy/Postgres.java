package se.samlyft.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * PostgreSQL from the embedded binaries, with its data in {@code .samlyft/postgres} so that it survives a restart.
 * The server listens on 127.0.0.1 only; the superuser is {@code postgres} with the password {@code postgres}.
 */
final class Postgres implements Component {

    static final String SUPERUSER = "postgres";
    static final String SUPERUSER_PASSWORD = "postgres";

    /** PostgreSQL refuses to run as root; as root the launcher runs it as this user in a user namespace. */
    private static final String UNPRIVILEGED_ID = "1000";

    private final Path binaries;
    private final Path data;
    private final Path log;
    private final int port;
    private Optional<Path> binaryDirectory = Optional.empty();
    private volatile boolean started;

    Postgres(Settings settings) {
        this.binaries = settings.stateDirectory().resolve("pgsql");
        this.data = settings.stateDirectory().resolve("postgres");
        this.log = settings.log("postgres");
        this.port = settings.ports().postgres();
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public void start() throws IOException, InterruptedException {
        binaryDirectory = Optional.of(PostgresBinaries.unpack(binaries));
        Files.deleteIfExists(log);
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            initdb();
        }
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                + " -c max_connections=200";
        pgCtl("start", "-l", log.toString(), "-o", options, "-w", "-t", "60");
        started = true;
    }

    private void initdb() throws IOException, InterruptedException {
        Files.createDirectories(data);
        Path passwordFile = Files.createTempFile(data.getParent(), "pwfile", "");
        try {
            Files.writeString(passwordFile, SUPERUSER_PASSWORD, StandardCharsets.UTF_8);
            run(
                    "initdb",
                    "initialise the data directory",
                    "-D",
                    data.toString(),
                    "-U",
                    SUPERUSER,
                    "--pwfile=" + passwordFile,
                    "--auth-host=scram-sha-256",
                    "--auth-local=trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--locale-provider=builtin",
                    "--builtin-locale=C.UTF-8");
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private void pgCtl(String action, String... options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("-D", data.toString()));
        arguments.addAll(List.of(options));
        arguments.add(action);
        run("pg_ctl", action, arguments.toArray(String[]::new));
    }

    private void run(String binary, String purpose, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of(
                    "unshare", "--user", "--map-user=" + UNPRIVILEGED_ID, "--map-group=" + UNPRIVILEGED_ID, "--"));
        }
        command.add(binaryDirectory.orElseThrow().resolve("bin").resolve(binary).toString());
        command.addAll(List.of(arguments));
        int exitCode;
        try {
            exitCode = ManagedProcess.run(command, log);
        } catch (IOException e) {
            throw new IOException(
                    "Could not run " + command.getFirst() + " (" + e.getMessage() + ")."
                            + " PostgreSQL does not run as root; as root the launcher needs util-linux' unshare,"
                            + " or run ./mvnw -Pstart as an ordinary user.",
                    e);
        }
        if (exitCode != 0) {
            throw new IOException(binary + " could not " + purpose + " (exit code " + exitCode + ").");
        }
    }

    @Override
    public boolean isReady() {
        return started;
    }

    @Override
    public Optional<String> failure() {
        return started && postmaster().map(ProcessHandle::isAlive).orElse(false)
                ? Optional.empty()
                : Optional.of("the PostgreSQL server is not running");
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(90);
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public void stop() {
        if (!started) {
            return;
        }
        started = false;
        try {
            pgCtl("stop", "-m", "fast", "-w", "-t", "30");
        } catch (IOException e) {
            postmaster()
                    .ifPresent(postmaster ->
                            ManagedProcess.stopAll(Stream.concat(postmaster.descendants(), Stream.of(postmaster))
                                    .toList()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills the postmaster and its server processes with SIGKILL; the next start recovers from the write-ahead log, as
     * after a power cut.
     */
    @Override
    public void kill() {
        if (!started) {
            return;
        }
        started = false;
        postmaster()
                .ifPresent(postmaster ->
                        ManagedProcess.killAll(Stream.concat(Stream.of(postmaster), postmaster.descendants())
                                .toList()));
    }

    @Override
    public OptionalLong residentKiB() {
        return postmaster().map(ResidentMemory::ofTree).orElse(OptionalLong.empty());
    }

    /** The server's main process, from the first line of {@code postmaster.pid}. */
    private Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A JDBC URL of a database on this server, without credentials. */
    String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }
}
