package se.samlyft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path directory;

    @Test
    void showsTheLastLinesOfALog() throws IOException {
        Path log = Files.writeString(directory.resolve("service.log"), "one\ntwo\nthree\nfour\n");

        assertThat(ManagedProcess.tail(log, 2)).containsExactly("three", "four");
    }

    @Test
    void findsNoLinesInAnEmptyOrMissingLog() throws IOException {
        assertThat(ManagedProcess.tail(Files.createFile(directory.resolve("empty.log")), 30))
                .isEmpty();
        assertThat(ManagedProcess.tail(directory.resolve("missing.log"), 30)).isEmpty();
    }

    @Test
    void stopsAProcessTogetherWithTheProcessesItStarted() throws IOException {
        Path log = directory.resolve("shell.log");
        ManagedProcess shell = ManagedProcess.start(
                List.of("sh", "-c", "sleep 60 & sleep 60 & wait"), directory, log, environment -> {});
        List<ProcessHandle> children = awaitChildren(shell.handle(), 2);

        shell.stop(Duration.ofSeconds(5));

        assertThat(shell.handle().isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    private static List<ProcessHandle> awaitChildren(ProcessHandle parent, int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<ProcessHandle> children = parent.children().toList();
            if (children.size() >= count) {
                return children;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return parent.children().toList();
    }
}
