package se.samlyft.identity.person;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.identity.organisation.EmailAddress;
import se.samlyft.platform.problem.InvalidInput;

/**
 * What identity knows about one employee: name, e-mail address and (optionally) personal identity number, which
 * stay in this service, and the facts other services learn from events: workplace, occupation, manager, sex, birth
 * year, education level and roles.
 */
public record PersonProfile(
        String givenName,
        String familyName,
        EmailAddress email,
        @Nullable PersonalIdentityNumber personalIdentityNumber,
        Workplace workplace,
        Occupation occupation,
        @Nullable UUID managerId,
        Sex sex,
        int birthYear,
        EducationLevel educationLevel,
        Set<Role> roles) {

    public PersonProfile {
        givenName = name("givenName", givenName);
        familyName = name("familyName", familyName);
        if (birthYear < 1900 || birthYear > 2100) {
            throw new InvalidInput("birthYear", "must be a year from 1900 to 2100");
        }
        if (personalIdentityNumber != null && personalIdentityNumber.birthYear() != birthYear) {
            throw new InvalidInput("birthYear", "must be the year the personal identity number gives");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The same profile with {@code other} roles. */
    public PersonProfile withRoles(Set<Role> other) {
        return new PersonProfile(
                givenName,
                familyName,
                email,
                personalIdentityNumber,
                workplace,
                occupation,
                managerId,
                sex,
                birthYear,
                educationLevel,
                other);
    }

    private static String name(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw new InvalidInput(field, "must be given, at most 100 characters");
        }
        return value.strip();
    }
}
