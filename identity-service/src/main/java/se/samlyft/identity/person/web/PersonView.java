package se.samlyft.identity.person.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.identity.person.EducationLevel;
import se.samlyft.identity.person.Login;
import se.samlyft.identity.person.Occupation;
import se.samlyft.identity.person.Person;
import se.samlyft.identity.person.PersonProfile;
import se.samlyft.identity.person.PersonStatus;
import se.samlyft.identity.person.Role;
import se.samlyft.identity.person.Sex;

/**
 * A person as the API shows them to their organisation's coordinators and managers. The personal identity number is
 * never shown here, only whether there is one; the person's own export shows it. {@code login} tells whether the
 * person can log in as shown: pending until Keycloak has the last change, active, or failed with Keycloak's reason.
 */
record PersonView(
        UUID id,
        String organisation,
        String givenName,
        String familyName,
        String email,
        boolean hasPersonalIdentityNumber,
        String workplaceId,
        String workplaceName,
        Occupation occupation,
        @Nullable UUID managerId,
        Sex sex,
        int birthYear,
        EducationLevel educationLevel,
        List<String> roles,
        PersonStatus status,
        @Nullable LocalDate leftOn,
        long version,
        LoginView login) {

    /** Where the person's login stands, and why Keycloak refused it if it did. */
    record LoginView(Login.State state, @Nullable String reason) {}

    static PersonView of(Person person) {
        PersonProfile profile = person.profile();
        return new PersonView(
                person.id(),
                person.organisation().value(),
                profile.givenName(),
                profile.familyName(),
                profile.email().value(),
                profile.personalIdentityNumber() != null,
                profile.workplace().id(),
                profile.workplace().name(),
                profile.occupation(),
                profile.managerId(),
                profile.sex(),
                profile.birthYear(),
                profile.educationLevel(),
                profile.roles().stream().map(Role::realmRole).sorted().toList(),
                person.status(),
                person.leftOn(),
                person.version(),
                new LoginView(person.login().state(), person.login().reason()));
    }
}
