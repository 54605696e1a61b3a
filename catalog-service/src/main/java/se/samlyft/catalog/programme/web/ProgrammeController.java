package se.samlyft.catalog.programme.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
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
import se.samlyft.catalog.federation.web.FederationScopes;
import se.samlyft.catalog.programme.Programme;
import se.samlyft.catalog.programme.ProgrammeTerms;
import se.samlyft.catalog.programme.Programmes;
import se.samlyft.catalog.web.CatalogPolicy;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.ETags;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.web.Page;

/**
 * {@code /api/catalog/programmes}: the funded programmes of the caller's organisation. Its coordinators register and
 * amend them; everyone of it may read and list them, and a federation's people also its current members' (a
 * member's programme may fund the federation's joint offerings).
 */
@RestController
@RequestMapping("/api/catalog/programmes")
class ProgrammeController {

    private final Programmes programmes;
    private final FederationScopes scopes;
    private final Clock clock;

    ProgrammeController(Programmes programmes, FederationScopes scopes, Clock clock) {
        this.programmes = programmes;
        this.scopes = scopes;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<ProgrammeView> registerProgramme(@Valid @RequestBody ProgrammeRequest request) {
        Programme programme = Programme.register(
                UUID.randomUUID(), CatalogPolicy.requireMayManageProgrammes(), request.toTerms(), clock.instant());
        programmes.add(programme);
        return ResponseEntity.created(URI.create("/api/catalog/programmes/" + programme.id()))
                .eTag(ETags.of(programme.version()))
                .body(ProgrammeView.of(programme));
    }

    /** The programmes the caller may read, by start (newest first): of one owner, and overlapping a period, if given. */
    @GetMapping
    Page<ProgrammeView> listProgrammes(
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInput("to", "must not be before from");
        }
        TenantId ownerFilter = owner == null || owner.isBlank() ? null : tenant(owner);
        return readable(() -> programmes.list(ownerFilter, from, to, page, size))
                .map(ProgrammeView::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<ProgrammeView> getProgramme(@PathVariable UUID id) {
        return answer(readable(() -> programmes.find(id)).orElseThrow(() -> NotFound.of("programme", id)));
    }

    /**
     * Amends the programme's terms; a period that would leave out a scheduled offering the programme funds is a
     * conflict naming the offerings, which must be moved or cancelled first.
     */
    @PutMapping("/{id}")
    ResponseEntity<ProgrammeView> amendProgramme(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProgrammeRequest request) {
        TenantId owner = CatalogPolicy.requireMayManageProgrammes();
        Programme programme = programmes
                .find(id)
                .filter(found -> found.owner().equals(owner))
                .orElseThrow(() -> NotFound.of("programme", id));
        ETags.requireMatch(ifMatch, programme.version());
        ProgrammeTerms amended = request.toTerms();
        List<UUID> outside = programmes.offeringsOutside(id, amended.start(), amended.end());
        if (!outside.isEmpty()) {
            throw new Conflict(
                    "The programme funds " + outside.size() + " scheduled offering(s) that would lie outside "
                            + amended.start() + " – " + amended.end() + ": " + outside
                            + ". Move or cancel them before changing the period.");
        }
        long stored = programme.version();
        programme.amend(amended, clock.instant());
        programmes.update(programme, stored);
        return answer(programme);
    }

    private <T> T readable(Supplier<T> read) {
        return TenantContext.callAs(scopes.readingScopeOf(CatalogPolicy.caller()), read);
    }

    private static TenantId tenant(String value) {
        try {
            return TenantId.of(value.strip());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInput("owner", "must be an organisation's tenant id");
        }
    }

    private static ResponseEntity<ProgrammeView> answer(Programme programme) {
        return ResponseEntity.ok().eTag(ETags.of(programme.version())).body(ProgrammeView.of(programme));
    }
}
