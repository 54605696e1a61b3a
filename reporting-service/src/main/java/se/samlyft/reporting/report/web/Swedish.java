package se.samlyft.reporting.report.web;

import java.util.Map;
import se.samlyft.reporting.report.Dimension;

/** The Swedish words the exports use for the codes the JSON carries. */
final class Swedish {

    static final String UNKNOWN = "Okänd";

    private static final Map<Dimension, String> DIMENSIONS = Map.of(
            Dimension.ORGANISATION, "Organisation",
            Dimension.WORKPLACE, "Arbetsplats",
            Dimension.OCCUPATION, "Yrke",
            Dimension.SEX, "Kön",
            Dimension.AGE_BAND, "Åldersgrupp",
            Dimension.EDUCATION, "Utbildningsnivå");

    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("WOMAN", "Kvinna"),
            Map.entry("MAN", "Man"),
            Map.entry("NON_BINARY", "Icke-binär"),
            Map.entry("NOT_STATED", "Ej angivet"),
            Map.entry("ASSISTANT_NURSE", "Undersköterska"),
            Map.entry("CARE_AIDE", "Vårdbiträde"),
            Map.entry("PERSONAL_ASSISTANT", "Personlig assistent"),
            Map.entry("NURSE", "Sjuksköterska"),
            Map.entry("MANAGER", "Chef"),
            Map.entry("OTHER", "Annat"),
            Map.entry("ISCED_0_2", "Förgymnasial (ISCED 0–2)"),
            Map.entry("ISCED_3_4", "Gymnasial (ISCED 3–4)"),
            Map.entry("ISCED_5_8", "Eftergymnasial (ISCED 5–8)"),
            Map.entry("MUNICIPAL", "Kommunal"),
            Map.entry("REGIONAL", "Regional"),
            Map.entry("PRIVATE", "Privat"),
            Map.entry("COMPLETED", "Slutförd"),
            Map.entry("WITHDRAWN", "Avbruten"),
            Map.entry("UNKNOWN", UNKNOWN));

    private Swedish() {}

    static String of(Dimension dimension) {
        return DIMENSIONS.get(dimension);
    }

    /** The Swedish word for a code, or the value itself (an organisation, a workplace's name, an age band). */
    static String value(String code) {
        return VALUES.getOrDefault(code, code);
    }
}
