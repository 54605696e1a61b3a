package se.samlyft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The dataset as it was before the suite first ran on it, kept in the state directory, so that every run of the suite
 * measures the same data. A run writes: its rushes alone add some 20,000 enrolments to the largest federation's
 * offerings, a third of the scale-0.03 dataset's own, and the whole region's report reads them. The first run keeps a
 * copy of PostgreSQL's and Kafka's data (Keycloak keeps its own in PostgreSQL) and of the manifest; every later run
 * puts the copy back first. The platform must be stopped for either: the copy is taken and restored with its files at
 * rest.
 */
final class AsGenerated {

    static final String DIRECTORY = "as-generated";
    private static final List<String> KEPT = List.of("postgres", "kafka", GenerateNational.MANIFEST);

    private AsGenerated() {}

    /** Keeps the dataset in {@code state} if no copy is kept yet, or else puts the kept copy back. */
    static void keepOrRestore(Path state, Progress progress) throws IOException {
        Path kept = state.resolve(DIRECTORY);
        if (Files.exists(kept.resolve(GenerateNational.MANIFEST))) {
            try (Progress.Stage stage = progress.stage(
                    "putting the dataset back as it was before the suite's first run, bytes", bytes(kept))) {
                for (String name : KEPT) {
                    delete(state.resolve(name));
                    copy(kept.resolve(name), state.resolve(name), stage);
                }
            }
        } else {
            Path partial = state.resolve(DIRECTORY + ".partial");
            try (Progress.Stage stage = progress.stage(
                    "keeping a copy of the dataset in " + kept + " for the suite's later runs, bytes",
                    KEPT.stream().mapToLong(name -> bytes(state.resolve(name))).sum())) {
                delete(partial);
                for (String name : KEPT) {
                    copy(state.resolve(name), partial.resolve(name), stage);
                }
            }
            // Only a complete copy gets the name that later runs restore from.
            Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * Copies a file or a directory tree with the files' permissions (PostgreSQL starts only on data that is its own
     * alone), adding the bytes copied to the stage.
     */
    static void copy(Path from, Path to, Progress.Stage stage) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                if (Files.isRegularFile(source)) {
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

    static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
