package se.samlyft.identity.person.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.identity.person.EducationLevel;
import se.samlyft.identity.person.Occupation;
import se.samlyft.identity.person.Person;
import se.samlyft.identity.person.PersonProfile;
import se.samlyft.identity.person.PersonStatus;
import se.samlyft.identity.person.Role;
import se.samlyft.identity.person.Sex;

/**
 * Everything identity holds about one person, for their right of access and to data portability: the profile with the
 * personal identity number in full, the employment's status, and how the person's login is named in Keycloak.
 */
record PersonExport(
        UUID id,
        String organisation,
        String givenName,
        String familyName,
        String email,
        @Nullable String personalIdentityNumber,
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
        Login login) {

    /**
     * The person's login as provisioning last found it: {@code ACTIVE} once Keycloak has the person's last change,
     * {@code PENDING} until then, {@code FAILED} with Keycloak's reason when it refused the user. The Keycloak user
     * name and the {@code personId} attribute the tokens carry are named unless the login failed, when no user may
     * exist for them.
     */
    record Login(
            se.samlyft.identity.person.Login.State state,
            @Nullable String reason,
            @Nullable String keycloakUsername,
            @Nullable UUID personIdAttribute) {

        static Login of(Person person) {
            se.samlyft.identity.person.Login login = person.login();
            boolean failed = login.state() == se.samlyft.identity.person.Login.State.FAILED;
            return new Login(
                    login.state(), login.reason(), failed ? null : person.id().toString(), failed ? null : person.id());
        }
    }

    static PersonExport of(Person person) {
        PersonProfile profile = person.profile();
        return new PersonExport(
                person.id(),
                person.organisation().value(),
                profile.givenName(),
                profile.familyName(),
                profile.email().value(),
                profile.personalIdentityNumber() == null
                        ? null
                        : profile.personalIdentityNumber().formatted(),
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
                Login.of(person));
    }
}
