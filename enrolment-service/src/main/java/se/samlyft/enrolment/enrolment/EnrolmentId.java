package se.samlyft.enrolment.enrolment;

import java.util.Objects;
import java.util.UUID;

/** The id of an enrolment. */
public record EnrolmentId(UUID value) {

    public EnrolmentId {
        Objects.requireNonNull(value, "EnrolmentId needs a value");
    }

    public static EnrolmentId of(UUID value) {
        return new EnrolmentId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
