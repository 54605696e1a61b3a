package se.samlyft.identity.organisation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.problem.InvalidInput;

/**
 * What can change about an organisation: its name, organisation number, municipality code (a municipality's only)
 * and contact persons. Its kind and tenant id never change.
 */
public record OrganisationProfile(
        String name,
        OrganisationNumber organisationNumber,
        @Nullable MunicipalityCode municipalityCode,
        List<ContactPerson> contacts) {

    public OrganisationProfile {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInput("name", "must be given, at most 200 characters");
        }
        name = name.strip();
        contacts = List.copyOf(contacts);
    }

    /** The profile without its contact persons: what the public register and the events carry. */
    boolean sameRegisterFacts(OrganisationProfile other) {
        return name.equals(other.name)
                && organisationNumber.equals(other.organisationNumber)
                && java.util.Objects.equals(municipalityCode, other.municipalityCode);
    }
}
