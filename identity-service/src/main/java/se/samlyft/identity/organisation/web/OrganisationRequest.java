package se.samlyft.identity.organisation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import se.samlyft.identity.organisation.ContactPerson;
import se.samlyft.identity.organisation.EmailAddress;
import se.samlyft.identity.organisation.MunicipalityCode;
import se.samlyft.identity.organisation.OrganisationKind;
import se.samlyft.identity.organisation.OrganisationNumber;
import se.samlyft.identity.organisation.OrganisationProfile;

/** An organisation as a platform administrator onboards it ({@code tenant} and {@code kind}) or changes it. */
record OrganisationRequest(
        @Nullable String tenant,
        @Nullable OrganisationKind kind,
        @NotBlank @Size(max = 200) String name,
        @NotBlank String organisationNumber,
        @Nullable String municipalityCode,
        @Nullable @Size(max = 20) List<@Valid @NotNull ContactRequest> contacts) {

    /** A contact person. */
    record ContactRequest(
            @NotBlank @Size(max = 200) String name,
            @Nullable @Size(max = 100) String role,
            @NotBlank String email,
            @Nullable @Size(max = 40) String phone) {}

    OrganisationProfile toProfile() {
        return new OrganisationProfile(
                name,
                OrganisationNumber.of(organisationNumber),
                municipalityCode == null || municipalityCode.isBlank() ? null : MunicipalityCode.of(municipalityCode),
                contacts == null
                        ? List.of()
                        : contacts.stream()
                                .map(contact -> new ContactPerson(
                                        contact.name(),
                                        contact.role(),
                                        EmailAddress.of(contact.email()),
                                        contact.phone()))
                                .toList());
    }
}
