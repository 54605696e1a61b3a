package se.samlyft.identity.organisation.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.identity.organisation.Organisation;
import se.samlyft.identity.organisation.Organisations;
import se.samlyft.identity.web.IdentityPolicy;
import se.samlyft.identity.web.TenantParameter;
import se.samlyft.platform.problem.ETags;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;
import se.samlyft.platform.web.Page;

/**
 * {@code /api/identity/organisations}: the register of tenants. Platform administrators onboard organisations (which
 * creates their Keycloak Organization); an organisation's coordinators and platform administrators change it;
 * everyone reads the register.
 */
@RestController
@RequestMapping("/api/identity/organisations")
class OrganisationController {

    private static final String PATH = "/api/identity/organisations/";

    private final Organisations organisations;
    private final Clock clock;

    OrganisationController(Organisations organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<OrganisationView> onboardOrganisation(@Valid @RequestBody OrganisationRequest request) {
        IdentityPolicy.requireMayOnboard();
        if (request.tenant() == null) {
            throw new InvalidInput("tenant", "must be given: the organisation's tenant id, e.g. arvidsjaur");
        }
        if (request.kind() == null) {
            throw new InvalidInput("kind", "must be one of MUNICIPALITY, COUNTY_COUNCIL, PRIVATE_PROVIDER, FEDERATION");
        }
        TenantId tenant = TenantParameter.of(request.tenant());
        Organisation organisation = Organisation.register(tenant, request.kind(), request.toProfile(), clock.instant());
        TenantContext.runAs(TenantScope.of(tenant), () -> organisations.add(organisation));
        return ResponseEntity.created(URI.create(PATH + tenant.value()))
                .eTag(ETags.of(organisation.version()))
                .body(OrganisationView.of(organisation));
    }

    @GetMapping
    Page<OrganisationView> listOrganisations(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        IdentityPolicy.caller();
        return Page.of(
                organisations.page(page, size).stream()
                        .map(OrganisationView::of)
                        .toList(),
                page,
                size,
                organisations.count());
    }

    @GetMapping("/{tenant}")
    ResponseEntity<OrganisationView> getOrganisation(@PathVariable String tenant) {
        TenantId id = TenantParameter.of(tenant);
        Organisation organisation = IdentityPolicy.isPlatformAdmin()
                ? TenantContext.callAs(TenantScope.of(id), () -> existing(id))
                : existing(id);
        return ResponseEntity.ok().eTag(ETags.of(organisation.version())).body(OrganisationView.of(organisation));
    }

    @PutMapping("/{tenant}")
    ResponseEntity<OrganisationView> changeOrganisation(
            @PathVariable String tenant,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody OrganisationRequest request) {
        TenantId id = TenantParameter.of(tenant);
        IdentityPolicy.requireMayChangeOrganisation(id);
        Organisation organisation = TenantContext.callAs(TenantScope.of(id), () -> {
            Organisation stored = existing(id);
            ETags.requireMatch(ifMatch, stored.version());
            long version = stored.version();
            if (stored.change(request.toProfile(), clock.instant())) {
                organisations.update(stored, version);
            }
            return stored;
        });
        return ResponseEntity.ok().eTag(ETags.of(organisation.version())).body(OrganisationView.of(organisation));
    }

    private Organisation existing(TenantId tenant) {
        return organisations.find(tenant).orElseThrow(() -> NotFound.of("organisation", tenant));
    }
}
