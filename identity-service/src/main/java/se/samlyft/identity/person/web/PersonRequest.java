package se.samlyft.identity.person.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import se.samlyft.identity.organisation.EmailAddress;
import se.samlyft.identity.person.EducationLevel;
import se.samlyft.identity.person.Occupation;
import se.samlyft.identity.person.PersonProfile;
import se.samlyft.identity.person.PersonalIdentityNumber;
import se.samlyft.identity.person.Role;
import se.samlyft.identity.person.Sex;
import se.samlyft.identity.person.Workplace;

/**
 * A person as a coordinator registers or replaces them. {@code id} may choose the id of a new person (for example to
 * seed people whose Keycloak users already carry it); it is ignored when a person is replaced.
 */
record PersonRequest(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Size(max = 254) String email,
        @Nullable String personalIdentityNumber,
        @NotBlank String workplaceId,
        @NotBlank @Size(max = 200) String workplaceName,
        @NotNull Occupation occupation,
        @Nullable UUID managerId,
        @NotNull Sex sex,
        @NotNull @Min(1900) @Max(2100) Integer birthYear,
        @NotNull EducationLevel educationLevel,
        @Nullable @Size(max = 4) List<@NotBlank String> roles,
        @Nullable UUID id) {

    PersonProfile toProfile(LocalDate today) {
        Set<Role> parsed = roles == null || roles.isEmpty()
                ? Set.of(Role.PARTICIPANT)
                : roles.stream().map(Role::ofRealmRole).collect(Collectors.toSet());
        return new PersonProfile(
                givenName,
                familyName,
                EmailAddress.of(email),
                personalIdentityNumber == null || personalIdentityNumber.isBlank()
                        ? null
                        : PersonalIdentityNumber.parse(personalIdentityNumber, today),
                new Workplace(workplaceId, workplaceName),
                occupation,
                managerId,
                sex,
                birthYear,
                educationLevel,
                parsed);
    }
}
