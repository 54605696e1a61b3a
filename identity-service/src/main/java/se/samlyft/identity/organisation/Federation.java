package se.samlyft.identity.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * A federation's membership over time: members join and leave on dates, and a period's reports use that period's
 * members. A member has at most one open period, and its periods never overlap. Each change raises the version and
 * records a {@link FederationEvent} carrying the complete history.
 */
public final class Federation {

    private final TenantId federation;
    private final List<Membership> members;
    private long version;
    private final List<FederationEvent> events = new ArrayList<>();

    private Federation(TenantId federation, List<Membership> members, long version) {
        this.federation = federation;
        this.members = new ArrayList<>(members);
        this.version = version;
    }

    /** A federation's membership as stored; version 0 when it never had a member. */
    public static Federation restore(TenantId federation, List<Membership> members, long version) {
        return new Federation(federation, members, version);
    }

    /** {@code member} joins on {@code day}; refused if it is a member then or has a period starting later. */
    public void join(TenantId member, LocalDate day, Instant at) {
        if (member.equals(federation)) {
            throw new InvalidInput("tenant", "must be another organisation than the federation itself");
        }
        for (Membership period : periodsOf(member)) {
            if (period.isOpen() || period.leftOn().isAfter(day)) {
                throw new Conflict(member + " is already a member of " + federation + " on " + day + " (since "
                        + period.joinedOn() + ").");
            }
        }
        members.add(new Membership(member, day, null));
        changed(at);
    }

    /** {@code member} leaves on {@code day} (its first day outside); refused if it has no open period. */
    public void leave(TenantId member, LocalDate day, Instant at) {
        Membership open = periodsOf(member).stream()
                .filter(Membership::isOpen)
                .findFirst()
                .orElseThrow(() -> new Conflict(member + " is not a member of " + federation + "."));
        Membership closed = new Membership(member, open.joinedOn(), day);
        members.set(members.indexOf(open), closed);
        changed(at);
    }

    /** The members on {@code day}. */
    public List<TenantId> membersOn(LocalDate day) {
        return members.stream()
                .filter(period -> period.coversDay(day))
                .map(Membership::member)
                .distinct()
                .sorted(Comparator.comparing(TenantId::value))
                .toList();
    }

    /** The organisations that were members on at least one day of the period, both ends included. */
    public List<TenantId> membersDuring(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInput("to", "must not be before from");
        }
        return members.stream()
                .filter(period -> period.overlaps(from, to))
                .map(Membership::member)
                .distinct()
                .sorted(Comparator.comparing(TenantId::value))
                .toList();
    }

    /** The complete history, ordered by member and start. */
    public List<Membership> history() {
        return members.stream()
                .sorted(Comparator.comparing(
                                (Membership period) -> period.member().value())
                        .thenComparing(Membership::joinedOn))
                .toList();
    }

    public Optional<Membership> openPeriodOf(TenantId member) {
        return periodsOf(member).stream().filter(Membership::isOpen).findFirst();
    }

    private List<Membership> periodsOf(TenantId member) {
        return members.stream().filter(period -> period.member().equals(member)).toList();
    }

    private void changed(Instant at) {
        version++;
        events.add(new FederationEvent(federation, version, history(), at));
    }

    public List<FederationEvent> events() {
        return List.copyOf(events);
    }

    public TenantId federation() {
        return federation;
    }

    public long version() {
        return version;
    }
}
