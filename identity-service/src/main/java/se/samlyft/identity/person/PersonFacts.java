package se.samlyft.identity.person;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.tenancy.TenantId;

/** The facts about a person that leave identity in events: ids and categories, never a name, address or number. */
public record PersonFacts(
        UUID personId,
        TenantId organisation,
        long version,
        Workplace workplace,
        Occupation occupation,
        @Nullable UUID managerId,
        Sex sex,
        int birthYear,
        EducationLevel educationLevel,
        Set<Role> roles) {

    public PersonFacts {
        roles = Set.copyOf(roles);
    }

    static PersonFacts of(UUID id, TenantId organisation, long version, PersonProfile profile) {
        return new PersonFacts(
                id,
                organisation,
                version,
                profile.workplace(),
                profile.occupation(),
                profile.managerId(),
                profile.sex(),
                profile.birthYear(),
                profile.educationLevel(),
                profile.roles());
    }
}
