package se.samlyft.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ResultsTest {

    private static final String MODULES = KeptSection.MODULES.begin() + "\n## The modules' own benchmarks\n\n"
            + "### The gateway on its own\nwritten by hand\n" + KeptSection.MODULES.end() + "\n";
    private static final String WEBHOOKS =
            WebhookResults.BEGIN + "\n## Webhooks\n\nfrom ./mvnw -Pwebhooks\n" + WebhookResults.END + "\n";

    @TempDir
    Path directory;

    @Test
    void theSuiteKeepsTheModulesBenchmarksAndTheWebhooksWhenItWritesItsFigures() throws IOException {
        Path file = directory.resolve("RESULTS.md");
        Files.writeString(
                file,
                "# Samlyft at national scale: results\n\nan earlier run's figures\n\n" + MODULES + "\n" + WEBHOOKS,
                StandardCharsets.UTF_8);

        new Results().write(file, JsonMapper.builder().build().readTree("{\"scale\": \"0.03\"}"));

        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written)
                .doesNotContain("an earlier run's figures")
                .contains("Scale 0.03 of the national dataset")
                .contains("Every figure of the suite was measured in one run")
                .contains(MODULES)
                .endsWith(WEBHOOKS);
        assertThat(written.indexOf("## Against the limits")).isLessThan(written.indexOf(MODULES));
    }

    @Test
    void theRepositorysResultsHoldTheModulesBenchmarksBetweenTheMarkers() throws IOException {
        String modules = KeptSection.MODULES.in(Path.of("RESULTS.md"));

        assertThat(modules)
                .contains("### The gateway on its own")
                .contains("### enrolment-service: the rush beside a single-row update")
                .contains("### reporting-service: reports at national size")
                .contains("### identity-service: the HR import");
    }
}
