package se.samlyft.catalog.offering;

import java.util.UUID;
import se.samlyft.platform.tenancy.TenantId;

/**
 * How many seats of each offering are taken, as enrolment-service's events tell: the catalog shows free seats and
 * finds offerings that have some, while enrolment-service alone decides who gets a seat.
 */
public interface SeatsTaken {

    /**
     * Records whether an enrolment holds a seat of its offering at the enrolment's {@code version}, and moves the
     * offering's count of seats taken with it. A version no newer than one recorded before changes nothing, so a
     * redelivered or late event cannot count a seat twice.
     *
     * @return whether the record changed
     */
    boolean record(UUID enrolmentId, UUID offeringId, TenantId owner, boolean holdsSeat, long version);
}
