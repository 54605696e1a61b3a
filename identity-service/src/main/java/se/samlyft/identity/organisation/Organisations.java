package se.samlyft.identity.organisation;

import java.util.List;
import java.util.Optional;
import se.samlyft.platform.tenancy.TenantId;

/**
 * The register of organisations. Their register facts are public within the installation; their contact persons are
 * visible only in the organisation's own tenant scope. Storing one hands its recorded events on in the same
 * transaction.
 */
public interface Organisations {

    Optional<Organisation> find(TenantId tenant);

    /** One page of the register, ordered by tenant id, and how many there are in all. */
    List<Organisation> page(int page, int size);

    long count();

    /** Stores a new organisation; a tenant id, organisation number or municipality code in use is a conflict. */
    void add(Organisation organisation);

    /** Stores a changed organisation whose stored version is {@code expectedVersion}. */
    void update(Organisation organisation, long expectedVersion);
}
