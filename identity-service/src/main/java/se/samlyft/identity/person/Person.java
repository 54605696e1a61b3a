package se.samlyft.identity.person;

import java.util.UUID;
import se.samlyft.platform.tenancy.TenantId;

/** An employee of one organisation who may take courses. Names and contact details never leave this service. */
public record Person(UUID id, TenantId employer, String occupation) {

    public Person {
        if (occupation.isBlank()) {
            throw new IllegalArgumentException("A person needs an occupation");
        }
    }
}
