package se.samlyft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import se.samlyft.deploy.Directories;

/**
 * The dataset as the suite first found it, kept in the state directory, so that every run of the suite measures the
 * same data. A run writes: its rushes alone add 20,000 enrolments or more to the largest federation's offerings, a
 * third of the scale-0.03 dataset's own, and the whole region's report reads them. The first run keeps a copy of
 * PostgreSQL's and Kafka's data (Keycloak keeps its own in PostgreSQL) and of the manifest; every later run puts the
 * copy back first. Both are done with the platform stopped and the files at rest.
 */
final class AsGenerated {

    static final String DIRECTORY = "as-generated";

    /** What is kept, the manifest last: a dataset without its manifest is one that is not complete. */
    private static final List<String> KEPT = List.of("postgres", "kafka", GenerateNational.MANIFEST);

    /** PostgreSQL's lock file: not part of the data, and a live one means PostgreSQL still runs on it. */
    private static final String POSTMASTER_PID = "postmaster.pid";

    private AsGenerated() {}

    /** Whether a complete copy is kept in {@code state}. */
    static boolean isKept(Path state) {
        return Files.exists(state.resolve(DIRECTORY).resolve(GenerateNational.MANIFEST));
    }

    /**
     * Keeps the dataset in {@code state} if no copy is kept yet, or else puts the kept copy back.
     *
     * @throws IllegalStateException if PostgreSQL still runs on the state directory
     */
    static void keepOrRestore(Path state, Progress progress) throws IOException {
        requireStopped(state.resolve("postgres"));
        for (String name : KEPT) {
            if (Files.isSymbolicLink(state.resolve(name))) {
                // A copy of the link would point at the live data, and putting it back would change nothing.
                throw new IllegalStateException(state.resolve(name) + " is a symbolic link; the suite keeps and puts"
                        + " back the dataset's own files only");
            }
        }
        Path kept = state.resolve(DIRECTORY);
        if (isKept(state)) {
            try (Progress.Stage stage =
                    progress.stage("putting the dataset back as the suite first found it, bytes", bytes(kept))) {
                // The manifest goes first and comes back last, so that a restore cut short is not taken for a
                // dataset: the next run restores again.
                Files.deleteIfExists(state.resolve(GenerateNational.MANIFEST));
                for (String name : KEPT) {
                    Directories.deleteRecursively(state.resolve(name));
                    copy(kept.resolve(name), state.resolve(name), stage);
                }
            }
        } else {
            Path partial = state.resolve(DIRECTORY + ".partial");
            try (Progress.Stage stage = progress.stage(
                    "keeping a copy of the dataset in " + kept + " for the suite's later runs, bytes",
                    KEPT.stream().mapToLong(name -> bytes(state.resolve(name))).sum())) {
                Directories.deleteRecursively(partial);
                for (String name : KEPT) {
                    copy(state.resolve(name), partial.resolve(name), stage);
                }
            }
            // Only a complete copy gets the name that later runs restore from.
            Directories.deleteRecursively(kept);
            Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * PostgreSQL removes its lock file when it stops; one that names a live process means it runs. One left by a
     * server that was killed is not copied: PostgreSQL recovers from its WAL on the next start.
     */
    private static void requireStopped(Path data) throws IOException {
        Path lock = data.resolve(POSTMASTER_PID);
        if (!Files.exists(lock)) {
            return;
        }
        String first = Files.readAllLines(lock).stream().findFirst().orElse("").trim();
        boolean alive = first.matches("\\d+")
                && ProcessHandle.of(Long.parseLong(first))
                        .map(ProcessHandle::isAlive)
                        .orElse(false);
        if (alive) {
            throw new IllegalStateException("PostgreSQL runs on " + data + " (process " + first
                    + "): stop it before the suite copies its data (if no PostgreSQL runs there, delete " + lock + ")");
        }
    }

    /**
     * Copies a file or a directory tree as it is: the files' permissions (PostgreSQL starts only on data that is its
     * own alone), symbolic links as links, PostgreSQL's lock file left out; adds the bytes copied to the stage.
     */
    static void copy(Path from, Path to, Progress.Stage stage) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                if (source.getFileName().toString().equals(POSTMASTER_PID)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(source).toString());
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                    stage.add(Files.size(source));
                }
            }
        }
    }

    private static long bytes(Path path) {
        try (Stream<Path> paths = Files.walk(path)) {
            return paths.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
