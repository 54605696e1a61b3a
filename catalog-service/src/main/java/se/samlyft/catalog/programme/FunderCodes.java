package se.samlyft.catalog.programme;

import org.jspecify.annotations.Nullable;

/**
 * The funder's classification of a programme, each optional: for the ESF the programme area, the specific objective
 * and the intervention type.
 */
public record FunderCodes(
        @Nullable String programmeArea,
        @Nullable String specificObjective,
        @Nullable String interventionType) {

    public FunderCodes {
        programmeArea = blankAsNull(programmeArea);
        specificObjective = blankAsNull(specificObjective);
        interventionType = blankAsNull(interventionType);
    }

    public static FunderCodes none() {
        return new FunderCodes(null, null, null);
    }

    private static @Nullable String blankAsNull(@Nullable String code) {
        return code == null || code.isBlank() ? null : code.strip();
    }
}
