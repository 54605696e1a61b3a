package se.samlyft.web.projectleader;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import se.samlyft.web.api.CatalogApi;
import se.samlyft.web.page.FormErrors;
import se.samlyft.web.page.LocalTimes;
import se.samlyft.web.page.ProblemMessages;

/**
 * A programme as its form holds it, kept as typed: the funder's register fields (number, name, funder, region,
 * period, budget, grant, co-financing rate, planned participants, the funder's codes) and the partner organisations.
 * Amounts may be typed with spaces ("6 388 583") and the rate with a decimal comma.
 */
record ProgrammeForm(
        String nummer,
        String namn,
        String finansiar,
        String region,
        String start,
        String slut,
        String budget,
        String bidrag,
        String medfinansiering,
        String planerade,
        String programomrade,
        String specifiktMal,
        String insatstyp,
        List<String> partner) {

    /** The API's field names and the form's. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("number", "nummer"),
            Map.entry("name", "namn"),
            Map.entry("funder", "finansiar"),
            Map.entry("region", "region"),
            Map.entry("start", "start"),
            Map.entry("end", "slut"),
            Map.entry("totalBudgetSek", "budget"),
            Map.entry("grantSek", "bidrag"),
            Map.entry("coFinancingRatePercent", "medfinansiering"),
            Map.entry("plannedParticipants", "planerade"),
            Map.entry("programmeArea", "programomrade"),
            Map.entry("specificObjective", "specifiktMal"),
            Map.entry("interventionType", "insatstyp"),
            Map.entry("partners", "partner"));

    /** The funders a programme can have. */
    static final List<String> FUNDERS = List.of("ESF", "STATE_GRANT", "OTHER");

    ProgrammeForm {
        nummer = orEmpty(nummer);
        namn = orEmpty(namn);
        finansiar = finansiar == null || finansiar.isBlank() ? "ESF" : finansiar;
        region = orEmpty(region);
        start = orEmpty(start);
        slut = orEmpty(slut);
        budget = orEmpty(budget);
        bidrag = orEmpty(bidrag);
        medfinansiering = orEmpty(medfinansiering);
        planerade = orEmpty(planerade);
        programomrade = orEmpty(programomrade);
        specifiktMal = orEmpty(specifiktMal);
        insatstyp = orEmpty(insatstyp);
        partner = partner == null ? List.of() : List.copyOf(partner);
    }

    static ProgrammeForm empty() {
        return new ProgrammeForm("", "", "ESF", "", "", "", "", "", "", "", "", "", "", List.of());
    }

    static ProgrammeForm of(CatalogApi.Programme programme) {
        return new ProgrammeForm(
                programme.number(),
                programme.name(),
                programme.funder(),
                programme.region(),
                programme.start().toString(),
                programme.end().toString(),
                String.valueOf(programme.totalBudgetSek()),
                String.valueOf(programme.grantSek()),
                programme
                        .coFinancingRatePercent()
                        .stripTrailingZeros()
                        .toPlainString()
                        .replace('.', ','),
                String.valueOf(programme.plannedParticipants()),
                orEmpty(programme.programmeArea()),
                orEmpty(programme.specificObjective()),
                orEmpty(programme.interventionType()),
                programme.partners());
    }

    /** The programme as the API takes it, or the fields that are not numbers or dates with their messages. */
    Map<String, Object> body(FormErrors errors, ProblemMessages texts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", nummer.strip());
        body.put("name", namn.strip());
        body.put("funder", finansiar);
        body.put("region", region.strip());
        body.put("start", date(start, "start", errors, texts));
        body.put("end", date(slut, "slut", errors, texts));
        body.put("totalBudgetSek", amount(budget, "budget", errors, texts));
        body.put("grantSek", amount(bidrag, "bidrag", errors, texts));
        body.put("coFinancingRatePercent", rate(errors, texts));
        body.put("plannedParticipants", amount(planerade, "planerade", errors, texts));
        body.put("programmeArea", blankAsNull(programomrade));
        body.put("specificObjective", blankAsNull(specifiktMal));
        body.put("interventionType", blankAsNull(insatstyp));
        body.put("partners", partner);
        return body;
    }

    private @Nullable BigDecimal rate(FormErrors errors, ProblemMessages texts) {
        String typed =
                medfinansiering.replace(" ", "").replace('%', ' ').strip().replace(',', '.');
        if (!typed.matches("[0-9]{1,3}(\\.[0-9]{1,2})?")) {
            errors.field("medfinansiering", texts.message("problem.field.coFinancingRatePercent"));
            return null;
        }
        return new BigDecimal(typed);
    }

    private static @Nullable Long amount(String typed, String field, FormErrors errors, ProblemMessages texts) {
        Optional<Long> number = LocalTimes.wholeNumber(typed);
        if (number.isEmpty()) {
            errors.field(field, texts.message("problem.field.whole-number"));
        }
        return number.orElse(null);
    }

    private static @Nullable String date(String typed, String field, FormErrors errors, ProblemMessages texts) {
        return LocalTimes.date(typed).map(Object::toString).orElseGet(() -> {
            errors.field(field, texts.message("problem.field.date"));
            return null;
        });
    }

    private static @Nullable String blankAsNull(String typed) {
        return typed.isBlank() ? null : typed.strip();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
