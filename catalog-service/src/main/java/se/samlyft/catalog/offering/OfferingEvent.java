package se.samlyft.catalog.offering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.samlyft.platform.tenancy.TenantId;

/** What happened to an offering, with the offering as it is after the change. */
public sealed interface OfferingEvent {

    Snapshot offering();

    Instant at();

    /** An offering as an event shows it: ids, owner, version, terms and the organisations of its audience. */
    record Snapshot(
            UUID offeringId,
            UUID courseId,
            TenantId owner,
            long version,
            OfferingTerms terms,
            List<TenantId> audienceTenants) {}

    /** An offering was scheduled. */
    record Scheduled(Snapshot offering, Instant at) implements OfferingEvent {}

    /** A scheduled offering's terms changed. */
    record Changed(Snapshot offering, Instant at) implements OfferingEvent {}

    /** An offering was cancelled. */
    record Cancelled(Snapshot offering, Instant at) implements OfferingEvent {}
}
