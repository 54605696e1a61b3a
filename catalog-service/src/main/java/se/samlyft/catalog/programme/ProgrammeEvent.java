package se.samlyft.catalog.programme;

import java.time.Instant;
import java.util.UUID;
import se.samlyft.platform.tenancy.TenantId;

/** What happened to a programme, with its version and terms after the change. */
public sealed interface ProgrammeEvent {

    UUID programmeId();

    TenantId owner();

    long version();

    ProgrammeTerms terms();

    Instant at();

    /** A programme was registered in the catalog. */
    record Registered(UUID programmeId, TenantId owner, long version, ProgrammeTerms terms, Instant at)
            implements ProgrammeEvent {}

    /** A programme's terms changed. */
    record Changed(UUID programmeId, TenantId owner, long version, ProgrammeTerms terms, Instant at)
            implements ProgrammeEvent {}
}
