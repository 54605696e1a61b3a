package se.samlyft.identity.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.tenancy.TenantId;

/**
 * A federation's membership over time, and its invitations. An organisation becomes a member only by accepting the
 * federation's invitation (or by a platform administrator recording that it accepted), and never from a day before it
 * accepted; members leave on dates, and a period's reports use that period's members. A member has at most one open
 * period, and its periods never overlap. Each change raises the version; a change of the membership records a
 * {@link FederationEvent} carrying the complete history.
 */
public final class Federation {

    private final TenantId federation;
    private final List<Membership> members;
    private final Map<UUID, Invitation> invitations = new LinkedHashMap<>();
    private long version;
    private final List<FederationEvent> events = new ArrayList<>();

    private Federation(TenantId federation, List<Membership> members, List<Invitation> invitations, long version) {
        this.federation = federation;
        this.members = new ArrayList<>(members);
        invitations.forEach(invitation -> this.invitations.put(invitation.id(), invitation));
        this.version = version;
    }

    /** A federation's membership and invitations as stored; version 0 when nothing ever changed. */
    public static Federation restore(
            TenantId federation, List<Membership> members, List<Invitation> invitations, long version) {
        return new Federation(federation, members, invitations, version);
    }

    /**
     * Invites {@code member}, proposing {@code joinsOn} as its first day if given (not before {@code today}); refused
     * for the federation itself, a current member, or an organisation with an invitation still unanswered.
     */
    public Invitation invite(UUID id, TenantId member, @Nullable LocalDate joinsOn, LocalDate today, Instant at) {
        if (member.equals(federation)) {
            throw new InvalidInput("tenant", "must be another organisation than the federation itself");
        }
        if (joinsOn != null && joinsOn.isBefore(today)) {
            throw new InvalidInput(
                    "joinsOn",
                    "must not be before today (" + today + "): a membership starts no"
                            + " earlier than the member accepts it");
        }
        openPeriodOf(member).ifPresent(open -> {
            throw new Conflict(member + " is already a member of " + federation + " (since " + open.joinedOn() + ").");
        });
        invitations.values().stream()
                .filter(invitation ->
                        invitation.isPending() && invitation.member().equals(member))
                .findFirst()
                .ifPresent(pending -> {
                    throw new Conflict(member + " already has an unanswered invitation (" + pending.id() + ") from "
                            + federation + ".");
                });
        Invitation invitation = Invitation.pending(id, member, joinsOn, at);
        invitations.put(id, invitation);
        version++;
        return invitation;
    }

    /**
     * The member's coordinator accepts on {@code today}: the member joins on {@code joinedOn}, by default the later of
     * today and the day the invitation proposed, and never before today.
     */
    public Membership accept(UUID invitation, @Nullable LocalDate joinedOn, LocalDate today, Instant at) {
        Invitation pending = pending(invitation);
        LocalDate first = joinedOn != null
                ? joinedOn
                : pending.joinsOn() != null && pending.joinsOn().isAfter(today) ? pending.joinsOn() : today;
        if (first.isBefore(today)) {
            throw new InvalidInput("joinedOn", "must not be before the day the invitation is accepted (" + today + ")");
        }
        return join(pending, first, today, Consent.MEMBER, null, at);
    }

    /**
     * A platform administrator records that the member accepted on {@code acceptedOn} (not after {@code today}), by
     * the decision {@code reference} names: the member joins on {@code joinedOn}, by default the day it accepted, and
     * never before it.
     */
    public Membership recordAcceptance(
            UUID invitation,
            LocalDate acceptedOn,
            @Nullable LocalDate joinedOn,
            String reference,
            LocalDate today,
            Instant at) {
        Invitation pending = pending(invitation);
        if (acceptedOn.isAfter(today)) {
            throw new InvalidInput("acceptedOn", "must not be after today (" + today + ")");
        }
        if (reference.isBlank()) {
            throw new InvalidInput("reference", "must name the member's decision, e.g. its board's minutes");
        }
        return join(
                pending,
                joinedOn == null ? acceptedOn : joinedOn,
                acceptedOn,
                Consent.PLATFORM_ADMINISTRATOR,
                reference.strip(),
                at);
    }

    /** The member declines the invitation. */
    public Invitation decline(UUID invitation, Instant at) {
        return close(pending(invitation), Invitation.Status.DECLINED, at);
    }

    /** The federation withdraws the invitation. */
    public Invitation withdraw(UUID invitation, Instant at) {
        return close(pending(invitation), Invitation.Status.WITHDRAWN, at);
    }

    /** {@code member} leaves on {@code day} (its first day outside); refused if it has no open period. */
    public void leave(TenantId member, LocalDate day, Instant at) {
        Membership open = openPeriodOf(member)
                .orElseThrow(() -> new Conflict(member + " is not a member of " + federation + "."));
        members.set(members.indexOf(open), open.endedOn(day));
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

    /** Every invitation, answered or not, in the order they were made. */
    public List<Invitation> invitations() {
        return invitations.values().stream()
                .sorted(Comparator.comparing(Invitation::invitedAt).thenComparing(Invitation::id))
                .toList();
    }

    public Optional<Invitation> invitation(UUID id) {
        return Optional.ofNullable(invitations.get(id));
    }

    public Optional<Membership> openPeriodOf(TenantId member) {
        return periodsOf(member).stream().filter(Membership::isOpen).findFirst();
    }

    private Invitation pending(UUID id) {
        Invitation invitation = invitations.get(id);
        if (invitation == null) {
            throw NotFound.of("invitation", id);
        }
        if (!invitation.isPending()) {
            throw new Conflict("The invitation " + id + " was already answered (" + invitation.status() + ").");
        }
        return invitation;
    }

    private Membership join(
            Invitation invitation,
            LocalDate day,
            LocalDate acceptedOn,
            Consent consent,
            @Nullable String reference,
            Instant at) {
        TenantId member = invitation.member();
        for (Membership period : periodsOf(member)) {
            if (period.isOpen() || period.leftOn().isAfter(day)) {
                throw new Conflict(member + " is already a member of " + federation + " on " + day + " (since "
                        + period.joinedOn() + ").");
            }
        }
        Membership joined = new Membership(member, day, null, acceptedOn, consent);
        members.add(joined);
        invitations.put(invitation.id(), invitation.accepted(acceptedOn, reference, at));
        changed(at);
        return joined;
    }

    private Invitation close(Invitation invitation, Invitation.Status answer, Instant at) {
        Invitation closed = invitation.closed(answer, at);
        invitations.put(closed.id(), closed);
        version++;
        return closed;
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
