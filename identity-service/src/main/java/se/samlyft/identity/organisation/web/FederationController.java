package se.samlyft.identity.organisation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.identity.organisation.Federation;
import se.samlyft.identity.organisation.Federations;
import se.samlyft.identity.organisation.Membership;
import se.samlyft.identity.organisation.Organisations;
import se.samlyft.identity.web.Callers;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.tenancy.TenantId;

/**
 * {@code /api/identity/federations/{federation}/members}: who belongs to a federation, over time. A platform
 * administrator or the federation's own coordinators record members joining and leaving; everyone may ask who the
 * members were on a day or during a period.
 */
@RestController
@RequestMapping("/api/identity/federations/{federation}")
class FederationController {

    private final Federations federations;
    private final Organisations organisations;
    private final Clock clock = Clock.systemUTC();

    FederationController(Federations federations, Organisations organisations) {
        this.federations = federations;
        this.organisations = organisations;
    }

    /** A member joining on a day. */
    record JoinRequest(@NotBlank String tenant, @NotNull LocalDate joinedOn) {}

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

    /** One membership period; {@code leftOn} is exclusive. */
    record PeriodView(
            String tenant, LocalDate joinedOn, @Nullable LocalDate leftOn) {

        static PeriodView of(Membership period) {
            return new PeriodView(period.member().value(), period.joinedOn(), period.leftOn());
        }
    }

    @PostMapping("/members")
    ResponseEntity<MembersView> join(@PathVariable String federation, @Valid @RequestBody JoinRequest request) {
        Federation membership = managed(federation);
        TenantId member = OrganisationController.tenantId(request.tenant());
        if (organisations.find(member).isEmpty()) {
            throw new InvalidInput("tenant", "must name a registered organisation");
        }
        long stored = membership.version();
        membership.join(member, request.joinedOn(), clock.instant());
        federations.save(membership, stored);
        return ResponseEntity.created(URI.create("/api/identity/federations/" + federation + "/members"))
                .body(view(membership, request.joinedOn(), null, null));
    }

    @PostMapping("/members/{tenant}/leave")
    MembersView leave(
            @PathVariable String federation, @PathVariable String tenant, @Valid @RequestBody LeaveRequest request) {
        Federation membership = managed(federation);
        long stored = membership.version();
        membership.leave(OrganisationController.tenantId(tenant), request.leftOn(), clock.instant());
        federations.save(membership, stored);
        return view(membership, request.leftOn(), null, null);
    }

    /**
     * The members on {@code on} (default today), or, given {@code from} and {@code to}, everyone who was a member on
     * at least one day of that period.
     */
    @GetMapping("/members")
    MembersView members(
            @PathVariable String federation,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        Callers.current();
        Federation membership = existing(federation);
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw new InvalidInput(from == null ? "from" : "to", "must be given together with the other end");
            }
            return view(membership, null, from, to);
        }
        return view(membership, on == null ? LocalDate.now(clock) : on, null, null);
    }

    private Federation managed(String federation) {
        TenantId id = OrganisationController.tenantId(federation);
        if (!Callers.managesOrganisation(id)) {
            throw new AccessDeniedException("Only the federation's coordinators or a platform administrator");
        }
        return existing(federation);
    }

    private Federation existing(String federation) {
        TenantId id = OrganisationController.tenantId(federation);
        return federations.find(id).orElseThrow(() -> NotFound.of("federation", id));
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
