package se.samlyft.identity.organisation;

import org.jspecify.annotations.Nullable;
import se.samlyft.platform.problem.InvalidInput;

/** A named contact person of an organisation, for example its coordinator for a programme. */
public record ContactPerson(
        String name,
        @Nullable String role,
        EmailAddress email,
        @Nullable String phone) {

    public ContactPerson {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInput("contacts", "must each have a name of at most 200 characters");
        }
        if (email == null) {
            throw new InvalidInput("contacts", "must each have an e-mail address");
        }
        name = name.strip();
    }
}
