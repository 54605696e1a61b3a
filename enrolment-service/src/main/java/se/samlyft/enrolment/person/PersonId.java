package se.samlyft.enrolment.person;

import java.util.Objects;
import java.util.UUID;

/** The id of a person, as identity-service gave it. */
public record PersonId(UUID value) {

    public PersonId {
        Objects.requireNonNull(value, "PersonId needs a value");
    }

    public static PersonId of(UUID value) {
        return new PersonId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
