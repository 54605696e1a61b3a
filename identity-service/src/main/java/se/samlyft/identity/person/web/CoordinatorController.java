package se.samlyft.identity.person.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.identity.organisation.Organisation;
import se.samlyft.identity.organisation.OrganisationKind;
import se.samlyft.identity.organisation.Organisations;
import se.samlyft.identity.person.People;
import se.samlyft.identity.person.Person;
import se.samlyft.identity.person.PersonProfile;
import se.samlyft.identity.person.Role;
import se.samlyft.identity.web.IdentityPolicy;
import se.samlyft.identity.web.TenantParameter;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * {@code POST /api/identity/organisations/{tenant}/coordinators}: a platform administrator appoints a new
 * organisation's first coordinator (a federation's first federation coordinator), who then registers the
 * organisation's people and appoints its other coordinators. Once the organisation has an employed coordinator, the
 * administrator may appoint no more: the answer is 409, and the administrator never sees the organisation's people.
 */
@RestController
class CoordinatorController {

    private final People people;
    private final Organisations organisations;
    private final Clock clock;

    CoordinatorController(People people, Organisations organisations, Clock clock) {
        this.people = people;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** The appointed coordinator, as far as the administrator may see them: their id, organisation and role. */
    record AppointedView(UUID id, String organisation, List<String> roles) {}

    @PostMapping("/api/identity/organisations/{tenant}/coordinators")
    ResponseEntity<AppointedView> appointFirstCoordinator(
            @PathVariable String tenant, @Valid @RequestBody PersonRequest request) {
        IdentityPolicy.requireMayAppointFirstCoordinator();
        TenantId id = TenantParameter.of(tenant);
        Organisation organisation = organisations.find(id).orElseThrow(() -> NotFound.of("organisation", id));
        Role role = organisation.kind() == OrganisationKind.FEDERATION ? Role.FEDERATION_COORDINATOR : Role.COORDINATOR;
        if (request.roles() != null
                && !request.roles().isEmpty()
                && !request.roles().equals(List.of(role.realmRole()))) {
            throw new InvalidInput(
                    "roles", "may only be [" + role.realmRole() + "] for " + id + "'s first coordinator");
        }
        if (request.managerId() != null) {
            throw new InvalidInput("managerId", "must be left out: the organisation has no people yet");
        }
        PersonProfile profile = request.toProfile(LocalDate.now(clock)).withRoles(Set.of(role));
        UUID personId = request.id() == null ? UUID.randomUUID() : request.id();
        if (request.id() != null && people.idInUse(personId)) {
            throw new Conflict(
                    "The person id " + personId + " is already in use, or was used by a person who was erased.");
        }
        Person coordinator = Person.register(personId, id, profile, clock.instant());
        boolean appointed = TenantContext.callAs(TenantScope.of(id), () -> people.addFirstCoordinator(coordinator));
        if (!appointed) {
            throw new Conflict(id + " already has a coordinator; its coordinators appoint the others.");
        }
        return ResponseEntity.created(URI.create("/api/identity/people/" + personId))
                .body(new AppointedView(personId, id.value(), List.of(role.realmRole())));
    }
}
