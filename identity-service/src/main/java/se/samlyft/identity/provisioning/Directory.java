package se.samlyft.identity.provisioning;

import se.samlyft.identity.organisation.Organisation;
import se.samlyft.identity.person.Person;

/**
 * The login directory that provisioning keeps in step with identity: each organisation and each person's user, every
 * operation safe to repeat. Keycloak's admin API is the one implementation.
 */
public interface Directory {

    /** Creates the organisation in the directory, or brings it up to date; the directory's id of it. */
    String ensureOrganisation(Organisation organisation);

    /**
     * Creates the person's user, or brings it up to date (enabled while employed, their roles, their organisation).
     *
     * @throws PersonRefused when the directory refuses the person as they are
     */
    void ensurePerson(Person person, String organisationId);

    /** Deletes the person's user, if there is one. */
    void deletePerson(String personId);
}
