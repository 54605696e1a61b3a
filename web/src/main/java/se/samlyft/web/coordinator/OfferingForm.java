package se.samlyft.web.coordinator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import se.samlyft.web.api.CatalogApi;
import se.samlyft.web.page.FormErrors;
import se.samlyft.web.page.LocalTimes;
import se.samlyft.web.page.ProblemMessages;

/**
 * An offering as its form holds it, kept as typed: the course, the enrolment window and the run as Swedish dates and
 * times, the place, the seats, the terms, the programme that funds it, whom it is for and, for a joint offering, the
 * seats held per organisation ({@code kvot-<tenant>}) and when they are released.
 */
record OfferingForm(
        String kurs,
        String anmalanOppnar,
        String anmalanStanger,
        String startar,
        String slutar,
        boolean distans,
        String kommun,
        String plats,
        String platser,
        boolean godkannande,
        boolean betaldTid,
        String program,
        String malgrupp,
        List<String> organisationer,
        Map<String, String> kvoter,
        String kvoterSlapps) {

    /** The API's field names and the form's. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("courseId", "kurs"),
            Map.entry("enrolmentOpensAt", "anmalanOppnar"),
            Map.entry("enrolmentClosesAt", "anmalanStanger"),
            Map.entry("startsAt", "startar"),
            Map.entry("endsAt", "slutar"),
            Map.entry("online", "distans"),
            Map.entry("municipalityCode", "kommun"),
            Map.entry("venue", "plats"),
            Map.entry("capacity", "platser"),
            Map.entry("programmeId", "program"),
            Map.entry("audience", "malgrupp"),
            Map.entry("namedOrganisations", "organisationer"),
            Map.entry("quotas", "kvoter"),
            Map.entry("quotaReleaseAt", "kvoterSlapps"));

    OfferingForm {
        organisationer = List.copyOf(organisationer);
        kvoter = Map.copyOf(kvoter);
    }

    static OfferingForm empty(String courseId) {
        return new OfferingForm(
                courseId, "", "", "", "", true, "", "", "20", false, true, "", "OWN_STAFF", List.of(), Map.of(), "");
    }

    static OfferingForm of(CatalogApi.Offering offering) {
        Map<String, String> quotas = new LinkedHashMap<>();
        offering.quotas().forEach(quota -> quotas.put(quota.tenant(), String.valueOf(quota.seats())));
        String audience = offering.audience() == null ? "OWN_STAFF" : offering.audience();
        return new OfferingForm(
                offering.courseId().toString(),
                LocalTimes.field(offering.enrolmentOpensAt()),
                LocalTimes.field(offering.enrolmentClosesAt()),
                LocalTimes.field(offering.startsAt()),
                LocalTimes.field(offering.endsAt()),
                offering.online(),
                offering.municipalityCode() == null ? "" : offering.municipalityCode(),
                offering.venue() == null ? "" : offering.venue(),
                String.valueOf(offering.capacity()),
                offering.approvalRequired(),
                offering.paidWorkingTime(),
                offering.programmeId() == null ? "" : offering.programmeId().toString(),
                audience,
                audience.equals("NAMED") ? offering.audienceOrganisations() : List.of(),
                quotas,
                LocalTimes.field(offering.quotaReleaseAt()));
    }

    /** The form as the browser sent it: every field by its name, the quotas from {@code kvot-<tenant>}. */
    static OfferingForm typed(MultiValueMap<String, String> sent) {
        Map<String, String> quotas = new LinkedHashMap<>();
        sent.forEach((name, values) -> {
            if (name.startsWith("kvot-")
                    && !values.isEmpty()
                    && !values.getFirst().isBlank()) {
                quotas.put(name.substring("kvot-".length()), values.getFirst().strip());
            }
        });
        List<String> named = sent.getOrDefault("organisationer", List.of());
        return new OfferingForm(
                first(sent, "kurs"),
                first(sent, "anmalanOppnar"),
                first(sent, "anmalanStanger"),
                first(sent, "startar"),
                first(sent, "slutar"),
                "true".equals(first(sent, "distans")),
                first(sent, "kommun"),
                first(sent, "plats"),
                first(sent, "platser"),
                "true".equals(first(sent, "godkannande")),
                "true".equals(first(sent, "betaldTid")),
                first(sent, "program"),
                first(sent, "malgrupp").isBlank() ? "OWN_STAFF" : first(sent, "malgrupp"),
                named,
                quotas,
                first(sent, "kvoterSlapps"));
    }

    public String quotaOf(String tenant) {
        return kvoter.getOrDefault(tenant, "");
    }

    /**
     * The offering as the API takes it, or the fields that are not what they must be (times that do not parse, a
     * number that is none) with their messages.
     */
    Map<String, Object> body(FormErrors errors, ProblemMessages texts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("courseId", kurs.isBlank() ? null : kurs);
        body.put("enrolmentOpensAt", time(anmalanOppnar, "anmalanOppnar", errors, texts));
        body.put("enrolmentClosesAt", time(anmalanStanger, "anmalanStanger", errors, texts));
        body.put("startsAt", time(startar, "startar", errors, texts));
        body.put("endsAt", time(slutar, "slutar", errors, texts));
        body.put("online", distans);
        body.put("municipalityCode", kommun.isBlank() ? null : kommun);
        body.put("venue", plats.isBlank() ? null : plats.strip());
        Optional<Long> capacity = LocalTimes.wholeNumber(platser);
        if (capacity.isEmpty()) {
            errors.field("platser", texts.message("problem.field.capacity"));
        }
        body.put("capacity", capacity.orElse(null));
        body.put("approvalRequired", godkannande);
        body.put("paidWorkingTime", betaldTid);
        body.put("programmeId", program.isBlank() ? null : program);
        body.put("audience", malgrupp);
        if (malgrupp.equals("NAMED")) {
            body.put("namedOrganisations", organisationer);
        }
        List<Map<String, Object>> quotas = new ArrayList<>();
        kvoter.forEach((tenant, seats) -> {
            Optional<Long> number = LocalTimes.wholeNumber(seats);
            if (number.isEmpty() || number.get() < 0) {
                errors.field("kvot-" + tenant, texts.message("problem.field.quota"));
            } else if (number.get() > 0) {
                Map<String, Object> quota = new LinkedHashMap<>();
                quota.put("tenant", tenant);
                quota.put("seats", number.get());
                quotas.add(quota);
            }
        });
        if (!malgrupp.equals("OWN_STAFF")) {
            body.put("quotas", quotas);
        }
        body.put(
                "quotaReleaseAt",
                quotas.isEmpty() || kvoterSlapps.isBlank() ? null : time(kvoterSlapps, "kvoterSlapps", errors, texts));
        return body;
    }

    private static @Nullable String time(String typed, String field, FormErrors errors, ProblemMessages texts) {
        Optional<Instant> instant = LocalTimes.instant(typed);
        if (instant.isEmpty()) {
            errors.field(field, texts.message("problem.field.datetime"));
            return null;
        }
        return instant.get().toString();
    }

    private static String first(MultiValueMap<String, String> sent, String name) {
        String value = sent.getFirst(name);
        return value == null ? "" : value;
    }
}
