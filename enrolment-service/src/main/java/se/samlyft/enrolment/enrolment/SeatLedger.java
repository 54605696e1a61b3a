package se.samlyft.enrolment.enrolment;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.platform.tenancy.TenantId;

/**
 * The seats of one offering taken at one moment: from each organisation's quota and from the shared pool. A seat
 * comes from the person's organisation's quota while the quotas hold and it has one free, else from the pool, and
 * never when the offering is full. Once the quotas are released, every seat not taken is in the pool. Taken seats
 * above a reduced capacity stay taken; nobody new is admitted until the number taken is below the capacity.
 */
public final class SeatLedger {

    private final Offering offering;
    private final Map<TenantId, Integer> fromQuota;
    private int fromPool;

    private SeatLedger(Offering offering, Map<TenantId, Integer> fromQuota, int fromPool) {
        this.offering = offering;
        this.fromQuota = new HashMap<>(fromQuota);
        this.fromPool = fromPool;
    }

    /** The ledger of {@code offering} with the seats taken from each quota and from the pool. */
    public static SeatLedger of(Offering offering, Map<TenantId, Integer> fromQuota, int fromPool) {
        return new SeatLedger(offering, fromQuota, fromPool);
    }

    /** Takes a seat for a person of {@code organisation} at {@code at}, if one is free for them. */
    public Optional<SeatSource> take(TenantId organisation, Instant at) {
        if (taken() >= offering.capacity()) {
            return Optional.empty();
        }
        if (!offering.quotasReleasedAt(at)) {
            if (fromQuota(organisation) < offering.quotaOf(organisation)) {
                fromQuota.merge(organisation, 1, Integer::sum);
                return Optional.of(SeatSource.QUOTA);
            }
            if (fromPool >= offering.pool()) {
                return Optional.empty();
            }
        }
        fromPool++;
        return Optional.of(SeatSource.POOL);
    }

    /** Gives back a seat a person of {@code organisation} held from {@code source}. */
    public void release(TenantId organisation, SeatSource source) {
        if (source == SeatSource.QUOTA) {
            int held = fromQuota(organisation);
            if (held < 1) {
                throw new IllegalStateException("No quota seat of " + organisation + " is taken");
            }
            fromQuota.put(organisation, held - 1);
        } else {
            if (fromPool < 1) {
                throw new IllegalStateException("No pool seat is taken");
            }
            fromPool--;
        }
    }

    /** Whether anyone at all could get a seat at {@code at}. */
    public boolean anyFree(Instant at) {
        if (taken() >= offering.capacity()) {
            return false;
        }
        if (offering.quotasReleasedAt(at) || fromPool < offering.pool()) {
            return true;
        }
        return offering.quotas().entrySet().stream().anyMatch(quota -> fromQuota(quota.getKey()) < quota.getValue());
    }

    /** All seats taken, from quotas and pool. */
    public int taken() {
        return fromPool
                + fromQuota.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int fromQuota(TenantId organisation) {
        return fromQuota.getOrDefault(organisation, 0);
    }

    public int fromPool() {
        return fromPool;
    }

    public Offering offering() {
        return offering;
    }
}
