package se.samlyft.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dataset's courses, funded programmes and offerings as catalog-service's API takes them: courses of elder and
 * disability care in Swedish, a European Social Fund programme per federation and state-grant programmes of some
 * municipalities, and runs of each course over 2025-2026, joint ones open to a federation's members.
 */
final class Catalogue {

    private static final String[][] TOPICS = {
        {"Demens", "demens"},
        {"Palliativ vård", "palliativ vård"},
        {"Läkemedelshantering", "läkemedel"},
        {"Välfärdsteknologi och digital tillsyn", "välfärdsteknologi"},
        {"Dokumentation enligt IBIC", "dokumentation"},
        {"Nutrition och måltider", "nutrition"},
        {"Basala hygienrutiner och smittskydd", "hygien"},
        {"Lågaffektivt bemötande", "bemötande"},
        {"Förflyttningsteknik", "ergonomi"},
        {"Svenska i vård och omsorg", "språk"},
        {"Psykisk ohälsa hos äldre", "psykiatri"},
        {"Fallprevention", "fallprevention"},
        {"Rehabiliterande förhållningssätt", "rehabilitering"},
        {"Munhälsa", "munhälsa"},
        {"Delegering av hälso- och sjukvårdsuppgifter", "delegering"},
        {"Etik i vardagen", "etik"},
        {"Diabetes", "diabetes"},
        {"Sårvård", "sårvård"},
        {"Kommunikation och AKK", "kommunikation"},
        {"Våld i nära relationer", "våld"}
    };
    private static final String[] LEVELS = {
        "grundkurs",
        "fördjupning",
        "för undersköterskor",
        "för vårdbiträden",
        "i hemtjänsten",
        "på särskilt boende",
        "för personliga assistenter",
        "för handledare"
    };
    private static final String[] FORMATS = {
        "SELF_PACED_DIGITAL",
        "SELF_PACED_DIGITAL",
        "SELF_PACED_DIGITAL",
        "LIVE_ONLINE",
        "CLASSROOM",
        "BLENDED",
        "WORKPLACE_BASED"
    };
    private static final List<String> OCCUPATIONS = List.of("ASSISTANT_NURSE", "CARE_AIDE", "PERSONAL_ASSISTANT");

    private Catalogue() {}

    /** The {@code n}th course of the dataset. */
    static ObjectNode course(long n, long seed) {
        Random random = new Random(seed * 31 + n);
        String[] topic = TOPICS[(int) (n % TOPICS.length)];
        String level = LEVELS[random.nextInt(LEVELS.length)];
        ObjectNode course = Api.JSON
                .createObjectNode()
                .put("title", topic[0] + " – " + level)
                .put(
                        "description",
                        "Kursen ger kunskap om " + topic[1] + " " + level
                                + ", med övningar från vardagen i vård och omsorg.")
                .put("format", FORMATS[random.nextInt(FORMATS.length)])
                .put("formal", random.nextInt(10) == 0)
                .put("language", "sv");
        course.putArray("themes").add(topic[1]);
        ArrayNode occupations = course.putArray("targetOccupations");
        occupations.add(OCCUPATIONS.get(random.nextInt(OCCUPATIONS.size())));
        ArrayNode modules = course.putArray("modules");
        int count = 1 + random.nextInt(8);
        for (int m = 1; m <= count; m++) {
            modules.addObject()
                    .put("title", "Del " + m + ": " + topic[0])
                    .put("estimatedMinutes", 20 + random.nextInt(41));
        }
        return course;
    }

    /** The European Social Fund programme of a federation. */
    static ObjectNode federationProgramme(NationalDataset.Federation federation, int number) {
        return programme(
                "ESF-2024-" + String.format("%05d", number),
                "Kompetenslyft i omsorgen – " + federation.county(),
                "ESF",
                federation.county() + "s län",
                40L * federation.members().size());
    }

    /** A state-grant programme of a municipality (Äldreomsorgslyftet). */
    static ObjectNode municipalProgramme(NationalDataset.Municipality municipality) {
        return programme(
                "SB-2025-" + municipality.code(),
                "Äldreomsorgslyftet " + municipality.name(),
                "STATE_GRANT",
                municipality.county() + "s län",
                Math.max(10, municipality.people() / 4));
    }

    private static ObjectNode programme(String number, String name, String funder, String region, long planned) {
        return Api.JSON
                .createObjectNode()
                .put("number", number)
                .put("name", name)
                .put("funder", funder)
                .put("region", region)
                .put("start", "2025-01-01")
                .put("end", "2026-12-31")
                .put("totalBudgetSek", planned * 25_000)
                .put("grantSek", planned * 15_000)
                .put("coFinancingRatePercent", 40)
                .put("plannedParticipants", planned);
    }

    /**
     * The {@code n}th offering, a run of {@code courseId}: its owner's own staff may enrol, or, for a federation's
     * course, every member's staff (a tenth of those with quotas for the first three members).
     */
    static ObjectNode offering(
            long n,
            long seed,
            UUID courseId,
            String format,
            boolean federation,
            List<String> members,
            int ownerPeople,
            String municipalityCode,
            UUID programmeId) {
        Random random = new Random(seed * 17 + n);
        long days = ChronoUnit.DAYS.between(NationalDataset.FIRST_DAY, NationalDataset.LAST_DAY);
        LocalDate start = NationalDataset.FIRST_DAY.plusDays(random.nextLong(days));
        int length = format.equals("SELF_PACED_DIGITAL") ? 90 : 1 + random.nextInt(30);
        int capacity = federation ? 150 + random.nextInt(250) : Math.max(12, Math.min(120, ownerPeople / 8));
        ObjectNode offering = Api.JSON
                .createObjectNode()
                .put("courseId", courseId.toString())
                .put("enrolmentOpensAt", at(start.minusDays(60)))
                .put("enrolmentClosesAt", at(start.minusDays(2)))
                .put("startsAt", at(start))
                .put("endsAt", at(start.plusDays(length)))
                .put("online", !format.equals("CLASSROOM"))
                .put("capacity", capacity)
                .put("approvalRequired", random.nextBoolean())
                .put("paidWorkingTime", random.nextInt(10) < 7)
                .put("audience", federation ? "FEDERATION_MEMBERS" : "OWN_STAFF");
        if (format.equals("CLASSROOM")) {
            offering.put("municipalityCode", municipalityCode);
            offering.put("venue", "Kommunhuset, sal " + (1 + random.nextInt(4)));
        }
        if (programmeId != null) {
            offering.put("programmeId", programmeId.toString());
        }
        if (federation && random.nextInt(10) == 0 && members.size() >= 3) {
            ArrayNode quotas = offering.putArray("quotas");
            for (String member : members.subList(0, 3)) {
                quotas.addObject().put("tenant", member).put("seats", 10);
            }
            offering.put("quotaReleaseAt", at(start.minusDays(10)));
        }
        return offering;
    }

    private static String at(LocalDate day) {
        return day.atTime(8, 0).toInstant(ZoneOffset.UTC).toString();
    }
}
