package se.samlyft.enrolment.offering;

import java.util.Objects;
import java.util.UUID;

/** The id of an offering, as catalog-service gave it. */
public record OfferingId(UUID value) {

    public OfferingId {
        Objects.requireNonNull(value, "OfferingId needs a value");
    }

    public static OfferingId of(UUID value) {
        return new OfferingId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
