package se.samlyft.identity.organisation.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import se.samlyft.identity.organisation.Employer;
import se.samlyft.identity.organisation.Organisation;
import se.samlyft.identity.organisation.OrganisationKind;
import se.samlyft.identity.organisation.OrganisationProfile;

/**
 * An organisation as the API shows it. The contact persons are listed only to the organisation's own people and to
 * platform administrators; others get an empty list.
 */
record OrganisationView(
        String tenant,
        OrganisationKind kind,
        Employer employer,
        String name,
        String organisationNumber,
        @Nullable String municipalityCode,
        @Nullable String municipalityName,
        List<ContactView> contacts,
        long version) {

    /** A contact person. */
    record ContactView(
            String name,
            @Nullable String role,
            String email,
            @Nullable String phone) {}

    static OrganisationView of(Organisation organisation) {
        OrganisationProfile profile = organisation.profile();
        return new OrganisationView(
                organisation.tenant().value(),
                organisation.kind(),
                organisation.kind().employer(),
                profile.name(),
                profile.organisationNumber().value(),
                profile.municipalityCode() == null
                        ? null
                        : profile.municipalityCode().value(),
                profile.municipalityCode() == null
                        ? null
                        : profile.municipalityCode().municipalityName(),
                profile.contacts().stream()
                        .map(contact -> new ContactView(
                                contact.name(), contact.role(), contact.email().value(), contact.phone()))
                        .toList(),
                organisation.version());
    }
}
