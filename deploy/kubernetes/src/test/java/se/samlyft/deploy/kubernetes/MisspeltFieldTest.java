package se.samlyft.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misspelt field fails the build: in a copy of the manifests, one field of a Deployment and one of a Strimzi topic
 * are misspelt, and the validation that passes on the real files names both, by path, in the rendered overlay and in
 * the plain files.
 */
class MisspeltFieldTest {

    private final StrictSchemas schemas = new StrictSchemas();

    @TempDir
    Path copy;

    @Test
    void aMisspeltFieldInTheRenderedOverlayIsReportedWithItsPath() throws IOException {
        assumeTrue(Kustomize.kubectlAvailable(), "kubectl is not installed (the plain files' test still runs)");
        misspell();

        List<String> problems = Kustomize.render(copy.resolve("overlays/region")).stream()
                .flatMap(object -> schemas.problems(object).stream())
                .toList();

        assertThat(problems).hasSize(2);
        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem)
                        .contains("Deployment catalog-service", "/spec/template/spec/containers/0", "readinesProbe"))
                .anySatisfy(problem ->
                        assertThat(problem).contains("KafkaTopic samlyft.enrolment.events", "/spec", "partition"));
    }

    @Test
    void aMisspeltFieldInThePlainFilesIsReportedWithItsFile() throws IOException {
        misspell();

        List<String> problems = Kustomize.plainFiles(copy.resolve("overlays/region")).stream()
                .flatMap(file -> schemas.problems(file).stream())
                .toList();

        assertThat(problems)
                .hasSize(2)
                .anySatisfy(
                        problem -> assertThat(problem).contains("base/services/catalog-service.yaml", "readinesProbe"))
                .anySatisfy(problem -> assertThat(problem).contains("base/kafka/topics.yaml", "partition"));
    }

    /** Copies the manifests and misspells readinessProbe in catalog-service and partitions in a topic. */
    private void misspell() throws IOException {
        for (String directory : List.of("base", "components", "overlays")) {
            copyTree(Kustomize.HOME.resolve(directory), copy.resolve(directory));
        }
        replaceOnce(copy.resolve("base/services/catalog-service.yaml"), "readinessProbe:", "readinesProbe:");
        Path topics = copy.resolve("base/kafka/topics.yaml");
        String text = Files.readString(topics);
        int enrolment = text.indexOf("name: samlyft.enrolment.events");
        int partitions = text.indexOf("  partitions: 6", enrolment);
        Files.writeString(topics, text.substring(0, partitions) + "  partition: 6" + text.substring(partitions + 15));
    }

    private static void replaceOnce(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(from, to));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path path : tree.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
