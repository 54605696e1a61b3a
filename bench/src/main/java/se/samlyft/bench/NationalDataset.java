package se.samlyft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The national dataset, planned before anything is loaded: Sweden's 290 municipalities (SCB's list, which
 * identity-service validates codes against) in 21 federations, one per county, and at scale 1 250,000 care workers,
 * 10,000 courses, 30,000 offerings and 2,000,000 enrolments. A smaller scale keeps every municipality and federation
 * and takes that share of the rest. The same seed gives the same dataset.
 */
final class NationalDataset {

    static final int PEOPLE = 250_000;
    static final int COURSES = 10_000;
    static final int OFFERINGS = 30_000;
    static final long ENROLMENTS = 2_000_000;

    /** The Swedish counties by the first two digits of their municipalities' codes. */
    static final Map<String, String> COUNTIES = Map.ofEntries(
            Map.entry("01", "Stockholm"),
            Map.entry("03", "Uppsala"),
            Map.entry("04", "Södermanland"),
            Map.entry("05", "Östergötland"),
            Map.entry("06", "Jönköping"),
            Map.entry("07", "Kronoberg"),
            Map.entry("08", "Kalmar"),
            Map.entry("09", "Gotland"),
            Map.entry("10", "Blekinge"),
            Map.entry("12", "Skåne"),
            Map.entry("13", "Halland"),
            Map.entry("14", "Västra Götaland"),
            Map.entry("17", "Värmland"),
            Map.entry("18", "Örebro"),
            Map.entry("19", "Västmanland"),
            Map.entry("20", "Dalarna"),
            Map.entry("21", "Gävleborg"),
            Map.entry("22", "Västernorrland"),
            Map.entry("23", "Jämtland"),
            Map.entry("24", "Västerbotten"),
            Map.entry("25", "Norrbotten"));

    /** The largest cities, whose care staff outnumber a small municipality's many times over. */
    private static final Set<String> CITIES = Set.of("0180", "1480", "1280", "0380", "0580", "1880", "1980", "0581");

    record Municipality(String code, String name, String tenant, String county, int people) {}

    record Federation(String tenant, String name, String county, List<String> members) {}

    private final double scale;
    private final long seed;
    private final List<Municipality> municipalities;
    private final List<Federation> federations;

    private NationalDataset(double scale, long seed, List<Municipality> municipalities, List<Federation> federations) {
        this.scale = scale;
        this.seed = seed;
        this.municipalities = municipalities;
        this.federations = federations;
    }

    /**
     * Plans the dataset from SCB's municipality list ({@code code name} per line).
     *
     * @throws IllegalArgumentException if the scale is not above 0 and at most 1
     */
    static NationalDataset plan(Path municipalityList, double scale, long seed) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("The scale is above 0 and at most 1 (1 = national), not " + scale);
        }
        List<String[]> listed = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(municipalityList, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    listed.add(new String[] {
                        line.substring(0, 4), line.substring(5).strip()
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the municipality list " + municipalityList, e);
        }
        Random random = new Random(seed);
        double[] weights = new double[listed.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(random.nextGaussian() * 0.8) * (CITIES.contains(listed.get(i)[0]) ? 12 : 1);
            total += weights[i];
        }
        int people = (int) Math.round(PEOPLE * scale);
        List<Municipality> municipalities = new ArrayList<>();
        Map<String, List<String>> byCounty = new LinkedHashMap<>();
        Set<String> tenants = new HashSet<>();
        for (int i = 0; i < weights.length; i++) {
            String code = listed.get(i)[0];
            String county = COUNTIES.get(code.substring(0, 2));
            if (county == null) {
                throw new IllegalArgumentException("No county has the municipality code " + code);
            }
            String name = listed.get(i)[1];
            // Håbo and Habo, for one, have the same slug; the second gets its code.
            String tenant = tenants.add(Swedish.slug(name)) ? Swedish.slug(name) : Swedish.slug(name) + "-" + code;
            tenants.add(tenant);
            int staff = Math.max(10, (int) Math.round(people * weights[i] / total));
            municipalities.add(new Municipality(code, name, tenant, county, staff));
            byCounty.computeIfAbsent(county, c -> new ArrayList<>()).add(tenant);
        }
        List<Federation> federations = new ArrayList<>();
        byCounty.forEach((county, members) -> federations.add(new Federation(
                "forbundet-" + Swedish.slug(county), "Kompetensförbundet " + county, county, List.copyOf(members))));
        return new NationalDataset(scale, seed, List.copyOf(municipalities), List.copyOf(federations));
    }

    double scale() {
        return scale;
    }

    long seed() {
        return seed;
    }

    List<Municipality> municipalities() {
        return municipalities;
    }

    List<Federation> federations() {
        return federations;
    }

    int people() {
        return municipalities.stream().mapToInt(Municipality::people).sum();
    }

    int courses() {
        return (int) Math.round(COURSES * scale);
    }

    int offerings() {
        return (int) Math.round(OFFERINGS * scale);
    }

    long enrolments() {
        return Math.round(ENROLMENTS * scale);
    }

    /** A stable id for the {@code n}th thing of a kind, so a repeated run asks for the same things. */
    UUID id(String kind, long n) {
        return id(kind, Long.toString(n));
    }

    UUID id(String kind, String key) {
        return UUID.nameUUIDFromBytes((seed + "/" + kind + "/" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The first day of the dataset's history; offerings start from here to {@link #LAST_DAY}. */
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 13);

    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 30);
}
