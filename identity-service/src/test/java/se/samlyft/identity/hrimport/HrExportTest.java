package se.samlyft.identity.hrimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import se.samlyft.identity.person.Occupation;
import se.samlyft.identity.person.Role;

class HrExportTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final String ROW = "Märta;Åberg;marta.aberg@mala.se;;hemtjanst-centrum;Hemtjänst Centrum;"
            + "undersköterska;;kvinna;1978;gymnasial;";

    @Test
    void readsUtf8WithAByteOrderMarkAndDefaultsTheRoleToParticipant() {
        byte[] utf8 = HrFiles.file(StandardCharsets.UTF_8, ROW);
        byte[] withMark = new byte[utf8.length + 3];
        withMark[0] = (byte) 0xef;
        withMark[1] = (byte) 0xbb;
        withMark[2] = (byte) 0xbf;
        System.arraycopy(utf8, 0, withMark, 3, utf8.length);

        HrExport export = read(withMark, TODAY);

        assertThat(export.encoding()).isEqualTo("UTF-8");
        assertThat(export.rows()).singleElement().satisfies(reading -> {
            assertThat(reading.problems()).isEmpty();
            assertThat(reading.row().profile().familyName()).isEqualTo("Åberg");
            assertThat(reading.row().profile().occupation()).isEqualTo(Occupation.ASSISTANT_NURSE);
            assertThat(reading.row().profile().roles()).containsExactly(Role.PARTICIPANT);
        });
    }

    @Test
    void readsWindows1252AndQuotedFieldsWithDelimitersQuotesAndLineBreaks() {
        String text = HrFiles.HEADER + "\r\n"
                + "\"Märta\";\"Åberg\";marta.aberg@mala.se;;hemtjanst-centrum;\"Hemtjänst \"\"Centrum\"\";\r\nnorr\";"
                + "vårdbiträde;;kvinna;1978;förgymnasial;participant\r\n";

        HrExport export = read(text.getBytes(Charset.forName("windows-1252")), TODAY);

        assertThat(export.encoding()).isEqualTo("windows-1252");
        assertThat(export.rows().getFirst().row().profile().workplace().name())
                .isEqualTo("Hemtjänst \"Centrum\";\r\nnorr");
    }

    @Test
    void namesTheLineAndColumnOfEveryProblemWithoutRepeatingTheValue() {
        HrExport export = read(
                HrFiles.file(
                        StandardCharsets.UTF_8,
                        ROW,
                        "Björn;;bjorn@mala.se;19780315-4562;hemtjanst-centrum;Hemtjänst Centrum;astronaut;;man;1980;"
                                + "gymnasial;admin"),
                TODAY);

        List<RowProblem> problems = export.rows().get(1).problems();

        assertThat(problems)
                .extracting(RowProblem::line, RowProblem::column)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(3, "personnummer"),
                        org.assertj.core.groups.Tuple.tuple(3, "yrke"),
                        org.assertj.core.groups.Tuple.tuple(3, "roller"),
                        org.assertj.core.groups.Tuple.tuple(3, "efternamn"));
        assertThat(problems.toString()).doesNotContain("4562", "astronaut");
    }

    @Test
    void refusesAFileWithoutTheRequiredColumnsOrEndingInsideAQuote() {
        assertThatThrownBy(() -> read("förnamn;efternamn\nA;B\n".getBytes(StandardCharsets.UTF_8), TODAY))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageContaining("e-post");
        assertThatThrownBy(() -> read(HrFiles.file(StandardCharsets.UTF_8, "\"Märta;Åberg"), TODAY))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageContaining("quoted");
        assertThatThrownBy(() -> read(new byte[0], TODAY)).isInstanceOf(UnreadableFile.class);
    }

    @Test
    void refusesAFileThatTurnsFromUtf8ToAnotherEncodingHalfway() {
        byte[] utf8 = HrFiles.file(StandardCharsets.UTF_8, ROW);
        byte[] mixed = new byte[utf8.length + 2];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        mixed[utf8.length] = (byte) 0xe5;
        mixed[utf8.length + 1] = 'a';

        assertThatThrownBy(() -> read(mixed, TODAY))
                .isInstanceOf(UnreadableFile.class)
                .hasMessageContaining("not valid UTF-8 on line 3");
    }

    @Test
    void readsAFileLargerThanTheWholeHeapOfItsProcessBecauseItNeverHoldsTheFile() throws Exception {
        Process reader = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx48m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LargeHrFile.class.getName(),
                        Long.toString(LargeHrFile.SIZE))
                .redirectErrorStream(true)
                .start();
        String output = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(reader.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("rows: 2, encoding: UTF-8");
        assertThat(reader.exitValue()).as(output).isZero();
    }

    private static HrExport read(byte[] bytes, LocalDate today) {
        return HrExport.read(new ByteArrayInputStream(bytes), today);
    }
}
