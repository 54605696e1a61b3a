package se.samlyft.enrolment.person;

import java.util.Optional;
import java.util.UUID;
import se.samlyft.platform.tenancy.TenantId;

/** The people of the current tenant scope. */
public interface People {

    Optional<Person> find(UUID id);

    /** Stores the person unless the stored copy is of the same or a newer version; whether it was stored. */
    boolean save(Person person);

    /** Marks the person as left at {@code version} unless the stored copy is newer. */
    boolean left(UUID id, TenantId organisation, long version);

    /** Marks the person erased at {@code version} and drops their workplace and manager. */
    boolean erased(UUID id, TenantId organisation, long version);
}
