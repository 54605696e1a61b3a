package se.samlyft.identity.organisation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.identity.organisation.Consent;
import se.samlyft.identity.organisation.Federation;
import se.samlyft.identity.organisation.Federations;
import se.samlyft.identity.organisation.Invitation;
import se.samlyft.identity.organisation.Membership;
import se.samlyft.identity.organisation.Organisations;
import se.samlyft.identity.web.IdentityPolicy;
import se.samlyft.identity.web.TenantParameter;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Who belongs to a federation, over time, and how they came to: {@code /api/identity/federations/{federation}/...}.
 * The federation's coordinators (or a platform administrator) invite an organisation; the member's own coordinators
 * accept or decline, and the membership starts no earlier than the day they accept. A platform administrator may
 * record, instead, that the member accepted on a past day by a decision made outside the platform, naming it. Either
 * side may end the membership. Everyone may ask who the members were on a day or during a period; an organisation's
 * coordinators see the invitations it received under {@code /api/identity/organisations/{tenant}/invitations}.
 */
@RestController
class FederationController {

    private static final String FEDERATION = "/api/identity/federations/{federation}";
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final Federations federations;
    private final Organisations organisations;
    private final Clock clock;

    FederationController(Federations federations, Organisations organisations, Clock clock) {
        this.federations = federations;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** An invitation to {@code tenant}, proposing {@code joinsOn} as its first day if given. */
    record InviteRequest(@NotBlank String tenant, @Nullable LocalDate joinsOn) {}

    /**
     * An acceptance: by the member's coordinator only {@code joinedOn} (not before today; by default today or the day
     * proposed); a platform administrator recording the member's decision gives {@code acceptedOn} and
     * {@code reference} too.
     */
    record AcceptRequest(
            @Nullable LocalDate joinedOn,
            @Nullable LocalDate acceptedOn,
            @Nullable @Size(max = 200) String reference) {}

    /** A member leaving: {@code leftOn} is the first day outside the federation. */
    record LeaveRequest(@NotNull LocalDate leftOn) {}

    /** The members on a day, or during a period, and the complete history. */
    record MembersView(
            String federation,
            @Nullable LocalDate on,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            List<String> members,
            List<PeriodView> history,
            long version) {}

    /** One membership period ({@code leftOn} exclusive), and when and by whom the member accepted it. */
    record PeriodView(
            String tenant, LocalDate joinedOn, @Nullable LocalDate leftOn, LocalDate acceptedOn, Consent consent) {

        static PeriodView of(Membership period) {
            return new PeriodView(
                    period.member().value(), period.joinedOn(), period.leftOn(), period.acceptedOn(), period.consent());
        }
    }

    /** An invitation and where it stands. */
    record InvitationView(
            UUID id,
            String federation,
            String tenant,
            @Nullable LocalDate joinsOn,
            Instant invitedAt,
            Invitation.Status status,
            @Nullable Instant answeredAt,
            @Nullable LocalDate acceptedOn,
            @Nullable String reference) {

        static InvitationView of(TenantId federation, Invitation invitation) {
            return new InvitationView(
                    invitation.id(),
                    federation.value(),
                    invitation.member().value(),
                    invitation.joinsOn(),
                    invitation.invitedAt(),
                    invitation.status(),
                    invitation.answeredAt(),
                    invitation.acceptedOn(),
                    invitation.reference());
        }
    }

    @PostMapping(FEDERATION + "/invitations")
    ResponseEntity<InvitationView> invite(@PathVariable String federation, @Valid @RequestBody InviteRequest request) {
        TenantId id = TenantParameter.of(federation);
        IdentityPolicy.requireFederationSide(id);
        Federation membership = existing(id);
        TenantId member = TenantParameter.of(request.tenant());
        if (organisations.find(member).isEmpty()) {
            throw new InvalidInput("tenant", "must name a registered organisation");
        }
        long stored = membership.version();
        Invitation invitation =
                membership.invite(UUID.randomUUID(), member, request.joinsOn(), today(), clock.instant());
        save(membership, stored, member);
        return ResponseEntity.created(
                        URI.create("/api/identity/federations/" + federation + "/invitations/" + invitation.id()))
                .body(InvitationView.of(id, invitation));
    }

    /** The federation's invitations: all of them for its side, those addressed to the caller's organisation else. */
    @GetMapping(FEDERATION + "/invitations")
    List<InvitationView> invitations(@PathVariable String federation) {
        TenantId id = TenantParameter.of(federation);
        IdentityPolicy.requireMayReadInvitations(id);
        boolean federationSide = IdentityPolicy.managesOrganisation(id);
        return existing(id).invitations().stream()
                .filter(invitation -> federationSide || IdentityPolicy.coordinates(invitation.member()))
                .map(invitation -> InvitationView.of(id, invitation))
                .toList();
    }

    @GetMapping(FEDERATION + "/invitations/{invitation}")
    InvitationView invitation(@PathVariable String federation, @PathVariable UUID invitation) {
        TenantId id = TenantParameter.of(federation);
        return InvitationView.of(id, visibleInvitation(existing(id), invitation));
    }

    @PostMapping(FEDERATION + "/invitations/{invitation}/accept")
    InvitationView accept(
            @PathVariable String federation,
            @PathVariable UUID invitation,
            @Valid @RequestBody(required = false) @Nullable AcceptRequest request) {
        AcceptRequest acceptance = request == null ? new AcceptRequest(null, null, null) : request;
        return answer(federation, invitation, (membership, member) -> {
            if (IdentityPolicy.coordinates(member)) {
                if (acceptance.acceptedOn() != null || acceptance.reference() != null) {
                    throw new InvalidInput(
                            acceptance.acceptedOn() != null ? "acceptedOn" : "reference",
                            "is for a platform administrator recording a decision made outside the platform; your"
                                    + " acceptance is dated today");
                }
                membership.accept(invitation, acceptance.joinedOn(), today(), clock.instant());
            } else if (IdentityPolicy.isPlatformAdmin()) {
                if (acceptance.acceptedOn() == null) {
                    throw new InvalidInput(
                            "acceptedOn", "is required: the day the member decided to join, by the decision named");
                }
                if (acceptance.reference() == null) {
                    throw new InvalidInput("reference", "is required: the member's decision, e.g. its board's minutes");
                }
                membership.recordAcceptance(
                        invitation,
                        acceptance.acceptedOn(),
                        acceptance.joinedOn(),
                        acceptance.reference(),
                        today(),
                        clock.instant());
            } else {
                throw IdentityPolicy.mayNotAccept();
            }
        });
    }

    @PostMapping(FEDERATION + "/invitations/{invitation}/decline")
    InvitationView decline(@PathVariable String federation, @PathVariable UUID invitation) {
        return answer(federation, invitation, (membership, member) -> {
            IdentityPolicy.requireMayDecline(member);
            membership.decline(invitation, clock.instant());
        });
    }

    @PostMapping(FEDERATION + "/invitations/{invitation}/withdraw")
    InvitationView withdraw(@PathVariable String federation, @PathVariable UUID invitation) {
        return answer(federation, invitation, (membership, member) -> {
            IdentityPolicy.requireFederationSide(membership.federation());
            membership.withdraw(invitation, clock.instant());
        });
    }

    /** A member leaves: on the federation's decision or its own. */
    @PostMapping(FEDERATION + "/members/{tenant}/leave")
    MembersView leave(
            @PathVariable String federation, @PathVariable String tenant, @Valid @RequestBody LeaveRequest request) {
        TenantId id = TenantParameter.of(federation);
        TenantId member = TenantParameter.of(tenant);
        IdentityPolicy.requireMayEndMembership(id, member);
        Federation membership = existing(id);
        long stored = membership.version();
        membership.leave(member, request.leftOn(), clock.instant());
        save(membership, stored, member);
        return view(membership, request.leftOn(), null, null);
    }

    /**
     * The members on {@code on} (default today), or, given {@code from} and {@code to}, everyone who was a member on
     * at least one day of that period.
     */
    @GetMapping(FEDERATION + "/members")
    MembersView members(
            @PathVariable String federation,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        IdentityPolicy.caller();
        Federation membership = existing(TenantParameter.of(federation));
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw new InvalidInput(from == null ? "from" : "to", "must be given together with the other end");
            }
            return view(membership, null, from, to);
        }
        return view(membership, on == null ? today() : on, null, null);
    }

    /** The invitations an organisation received, from every federation, the newest first. */
    @GetMapping("/api/identity/organisations/{tenant}/invitations")
    List<InvitationView> received(@PathVariable String tenant) {
        TenantId id = TenantParameter.of(tenant);
        IdentityPolicy.requireMayReadReceivedInvitations(id);
        return federations.invitationsTo(id).stream()
                .map(received -> InvitationView.of(received.federation(), received.invitation()))
                .toList();
    }

    /** One answer to an invitation: checks and acts on the membership, stores it and shows the invitation after. */
    private InvitationView answer(String federation, UUID invitation, Answer act) {
        TenantId id = TenantParameter.of(federation);
        Federation membership = existing(id);
        Invitation invited = visibleInvitation(membership, invitation);
        long stored = membership.version();
        act.on(membership, invited.member());
        save(membership, stored, invited.member());
        return InvitationView.of(id, membership.invitation(invitation).orElseThrow());
    }

    /** What an answer does, given the membership and the invited organisation. */
    @FunctionalInterface
    private interface Answer {
        void on(Federation membership, TenantId member);
    }

    /** An invitation as the federation's side or the invited organisation's coordinators see it; 404 for others. */
    private static Invitation visibleInvitation(Federation membership, UUID id) {
        return membership
                .invitation(id)
                .filter(invitation -> IdentityPolicy.managesOrganisation(membership.federation())
                        || IdentityPolicy.coordinates(invitation.member()))
                .orElseThrow(() -> NotFound.of("invitation", id));
    }

    /**
     * Stores a change in a unit of work for the federation and the member it concerns, the two tenants whose
     * membership it is: the membership event belongs to the federation.
     */
    private void save(Federation membership, long stored, TenantId member) {
        TenantContext.runAs(
                TenantScope.federation(membership.federation(), List.of(member)),
                () -> federations.save(membership, stored));
    }

    private Federation existing(TenantId federation) {
        return federations.find(federation).orElseThrow(() -> NotFound.of("federation", federation));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SWEDEN));
    }

    private static MembersView view(
            Federation membership, @Nullable LocalDate on, @Nullable LocalDate from, @Nullable LocalDate to) {
        List<TenantId> members = on != null ? membership.membersOn(on) : membership.membersDuring(from, to);
        return new MembersView(
                membership.federation().value(),
                on,
                from,
                to,
                members.stream().map(TenantId::value).toList(),
                membership.history().stream().map(PeriodView::of).toList(),
                membership.version());
    }
}
