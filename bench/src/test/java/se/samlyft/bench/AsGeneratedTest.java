package se.samlyft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsGeneratedTest {

    private static final String MANIFEST = "{\"scale\": \"0.03\", \"federation\": \"Västerbotten\"}";

    @TempDir
    Path state;

    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final Progress progress = new Progress(new PrintStream(said, true, StandardCharsets.UTF_8));

    @Test
    void aRunAfterTheFirstMeasuresTheDatasetAsTheFirstFoundIt() throws IOException {
        Path postgres = generated();

        AsGenerated.keepOrRestore(state, progress);

        Path kept = state.resolve(AsGenerated.DIRECTORY);
        assertThat(AsGenerated.isKept(state)).isTrue();
        assertThat(kept.resolve("postgres/base/16384/16400")).hasContent("the generated enrolments");
        assertThat(kept.resolve(GenerateNational.MANIFEST)).hasContent(MANIFEST);
        assertThat(kept.resolve("logs")).doesNotExist();
        assertThat(state.resolve(AsGenerated.DIRECTORY + ".partial")).doesNotExist();

        // The first run's rushes write.
        Files.writeString(postgres.resolve("16400"), "the generated enrolments and a rush's");
        Files.writeString(postgres.resolve("16401"), "a new index");
        Files.writeString(state.resolve("kafka/samlyft.enrolment-0/00000000000000000000.log"), "events");

        AsGenerated.keepOrRestore(state, progress);

        assertThat(postgres.resolve("16400")).hasContent("the generated enrolments");
        assertThat(postgres.resolve("16401")).doesNotExist();
        assertThat(state.resolve("kafka/samlyft.enrolment-0/00000000000000000000.log"))
                .isEmptyFile();
        assertThat(state.resolve(GenerateNational.MANIFEST)).hasContent(MANIFEST);
        assertThat(Files.getPosixFilePermissions(state.resolve("postgres")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(kept.resolve("postgres/base/16384/16400")).hasContent("the generated enrolments");
        assertThat(said.toString(StandardCharsets.UTF_8))
                .contains("keeping a copy of the dataset", "putting the dataset back");
    }

    @Test
    void aRestoreCutShortIsDoneAgainByTheNextRun() throws IOException {
        Path postgres = generated();
        AsGenerated.keepOrRestore(state, progress);
        // Cut short after the manifest went and PostgreSQL's data was half put back.
        Files.delete(state.resolve(GenerateNational.MANIFEST));
        Files.delete(postgres.resolve("16400"));

        AsGenerated.keepOrRestore(state, progress);

        assertThat(postgres.resolve("16400")).hasContent("the generated enrolments");
        assertThat(state.resolve(GenerateNational.MANIFEST)).hasContent(MANIFEST);
    }

    @Test
    void neitherKeepsNorPutsBackWhilePostgresRunsOnTheData() throws IOException {
        generated();
        Files.writeString(
                state.resolve("postgres/postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + state + "\n");

        assertThatThrownBy(() -> AsGenerated.keepOrRestore(state, progress))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL runs on");
        assertThat(state.resolve(AsGenerated.DIRECTORY)).doesNotExist();
    }

    @Test
    void theLockFileOfAServerThatWasKilledIsNotKept() throws IOException {
        generated();
        Files.writeString(state.resolve("postgres/postmaster.pid"), "2147483646\n" + state + "\n");

        AsGenerated.keepOrRestore(state, progress);

        assertThat(state.resolve(AsGenerated.DIRECTORY).resolve("postgres/base/16384/16400"))
                .hasContent("the generated enrolments");
        assertThat(state.resolve(AsGenerated.DIRECTORY).resolve("postgres/postmaster.pid"))
                .doesNotExist();
    }

    @Test
    void refusesADatasetWhoseDataIsALinkElsewhere() throws IOException {
        Path postgres = generated();
        Path elsewhere = Files.move(postgres.getParent().getParent(), state.resolve("elsewhere"));
        Files.createSymbolicLink(state.resolve("postgres"), elsewhere);

        assertThatThrownBy(() -> AsGenerated.keepOrRestore(state, progress))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is a symbolic link");
        assertThat(AsGenerated.isKept(state)).isFalse();
    }

    /** A state directory as the generator leaves it, in miniature; PostgreSQL's database directory. */
    private Path generated() throws IOException {
        Path postgres = Files.createDirectories(state.resolve("postgres/base/16384"));
        Files.setPosixFilePermissions(state.resolve("postgres"), PosixFilePermissions.fromString("rwx------"));
        Files.writeString(postgres.resolve("16400"), "the generated enrolments");
        Files.createDirectories(state.resolve("kafka/samlyft.enrolment-0"));
        Files.writeString(state.resolve("kafka/samlyft.enrolment-0/00000000000000000000.log"), "");
        Files.writeString(state.resolve(GenerateNational.MANIFEST), MANIFEST);
        Files.createDirectories(state.resolve("logs"));
        return postgres;
    }
}
