package se.samlyft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NationalDatasetTest {

    private static final Path MUNICIPALITIES =
            Path.of("../identity-service/src/main/resources/se/samlyft/identity/organisation/municipalities.txt");

    @Test
    void holdsEveryMunicipalityInTheFederationOfItsCounty() {
        NationalDataset dataset = NationalDataset.plan(MUNICIPALITIES, 1, 2026);

        assertThat(dataset.municipalities()).hasSize(290);
        assertThat(dataset.federations()).hasSize(21);
        assertThat(dataset.federations().stream()
                        .mapToInt(f -> f.members().size())
                        .sum())
                .isEqualTo(290);
        assertThat(dataset.federations().stream().map(NationalDataset.Federation::name))
                .contains("Kompetensförbundet Västra Götaland", "Kompetensförbundet Norrbotten");
        assertThat(dataset.federations().stream()
                        .filter(f -> f.county().equals("Västra Götaland"))
                        .findFirst()
                        .orElseThrow()
                        .members())
                .hasSize(49)
                .contains("goteborg", "kungalv");
        Set<String> tenants = new HashSet<>();
        dataset.municipalities()
                .forEach(m -> assertThat(tenants.add(m.tenant())).as(m.tenant()).isTrue());
        assertThat(tenants).contains("upplands-vasby", "habo", "habo-0643", "malung-salen", "orebro");
    }

    @Test
    void countsTheNationalFiguresAtScaleOneAndAShareOfThemBelow() {
        NationalDataset national = NationalDataset.plan(MUNICIPALITIES, 1, 2026);
        NationalDataset tenth = NationalDataset.plan(MUNICIPALITIES, 0.1, 2026);

        assertThat(national.people()).isBetween(250_000, 251_000);
        assertThat(national.courses()).isEqualTo(10_000);
        assertThat(national.offerings()).isEqualTo(30_000);
        assertThat(national.enrolments()).isEqualTo(2_000_000);
        assertThat(tenth.municipalities()).hasSize(290);
        assertThat(tenth.people()).isBetween(25_000, 26_500);
        assertThat(tenth.enrolments()).isEqualTo(200_000);
        assertThat(national.municipalities().stream()
                        .filter(m -> m.tenant().equals("stockholm"))
                        .findFirst()
                        .orElseThrow()
                        .people())
                .isGreaterThan(national.people() / 290 * 3);
    }

    @Test
    void givesTheSameDatasetForTheSameSeed() {
        NationalDataset one = NationalDataset.plan(MUNICIPALITIES, 0.1, 7);
        NationalDataset two = NationalDataset.plan(MUNICIPALITIES, 0.1, 7);
        NationalDataset other = NationalDataset.plan(MUNICIPALITIES, 0.1, 8);

        assertThat(one.municipalities()).isEqualTo(two.municipalities());
        assertThat(one.id("course", 3)).isEqualTo(two.id("course", 3)).isNotEqualTo(other.id("course", 3));
        assertThat(one.municipalities()).isNotEqualTo(other.municipalities());
    }

    @Test
    void refusesAScaleOutsideItsRange() {
        assertThatThrownBy(() -> NationalDataset.plan(MUNICIPALITIES, 0, 1)).hasMessageContaining("scale");
        assertThatThrownBy(() -> NationalDataset.plan(MUNICIPALITIES, 1.5, 1)).hasMessageContaining("scale");
    }

    @Test
    void writesAnHrExportWithSwedishNamesAndValidUniquePersonalNumbers() {
        NationalDataset dataset = NationalDataset.plan(MUNICIPALITIES, 0.05, 2026);
        NationalDataset.Municipality municipality = dataset.municipalities().get(0);

        List<String> lines = new String(HrExports.of(municipality, 1_000, 2026), StandardCharsets.UTF_8)
                .lines()
                .toList();

        assertThat(lines.get(0)).isEqualTo(HrExports.HEADER);
        assertThat(lines).hasSize(municipality.people() + 1);
        Set<String> numbers = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(";", -1);
            assertThat(fields).hasSize(12);
            assertThat(numbers.add(fields[3])).isTrue();
            assertThat(emails.add(fields[2])).isTrue();
            String nine = fields[3].substring(2, 8) + fields[3].substring(9, 12);
            assertThat(fields[3].charAt(12) - '0').isEqualTo(HrExports.luhn(nine));
            assertThat(fields[9]).isEqualTo(fields[3].substring(0, 4));
            boolean manDigit = (fields[3].charAt(11) - '0') % 2 == 1;
            assertThat(manDigit).isEqualTo(fields[8].equals("man"));
        }
        assertThat(lines.get(1)).endsWith("manager participant");
        assertThat(String.join("\n", lines)).containsAnyOf("ö", "ä", "å");
    }

    @Test
    void neverGivesTwoPeopleOfTheNationTheSamePersonalNumber() {
        Set<String> numbers = new HashSet<>();
        for (long n = 0; n < 260_000; n++) {
            assertThat(numbers.add(HrExports.personalNumber(n, n % 7 == 0))).isTrue();
        }
    }

    @Test
    void makesSlugsOfSwedishNames() {
        assertThat(Swedish.slug("Upplands Väsby")).isEqualTo("upplands-vasby");
        assertThat(Swedish.slug("Malung-Sälen")).isEqualTo("malung-salen");
        assertThat(Swedish.slug("Örnsköldsvik")).isEqualTo("ornskoldsvik");
    }
}
