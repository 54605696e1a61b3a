package se.samlyft.catalog.offering;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.problem.InvalidInput;

/**
 * Where an offering takes place: online, or in a municipality (its four-digit SCB code) at a venue. An online
 * offering may still name the municipality that runs it.
 */
public record Location(
        boolean online,
        @Nullable String municipalityCode,
        @Nullable String venue) {

    private static final Pattern SCB_CODE = Pattern.compile("[0-9]{4}");

    public Location {
        if (municipalityCode != null && !SCB_CODE.matcher(municipalityCode).matches()) {
            throw new InvalidInput("municipalityCode", "must be a four-digit SCB municipality code");
        }
        venue = venue == null || venue.isBlank() ? null : venue.strip();
        if (!online && municipalityCode == null) {
            throw new InvalidInput("municipalityCode", "must be given unless the offering is online");
        }
        if (!online && venue == null) {
            throw new InvalidInput("venue", "must be given unless the offering is online");
        }
    }
}
