package se.samlyft.catalog.programme.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.catalog.programme.Programme;
import se.samlyft.catalog.programme.Programmes;
import se.samlyft.catalog.web.Callers;
import se.samlyft.platform.problem.ETags;
import se.samlyft.platform.problem.NotFound;

/**
 * {@code /api/catalog/programmes}: the funded programmes of the caller's organisation. Its coordinators register and
 * amend them; everyone of it may read them.
 */
@RestController
@RequestMapping("/api/catalog/programmes")
class ProgrammeController {

    private final Programmes programmes;
    private final Clock clock = Clock.systemUTC();

    ProgrammeController(Programmes programmes) {
        this.programmes = programmes;
    }

    @PostMapping
    ResponseEntity<ProgrammeView> registerProgramme(@Valid @RequestBody ProgrammeRequest request) {
        Programme programme =
                Programme.register(UUID.randomUUID(), Callers.managedTenant(), request.toTerms(), clock.instant());
        programmes.add(programme);
        return ResponseEntity.created(URI.create("/api/catalog/programmes/" + programme.id()))
                .eTag(ETags.of(programme.version()))
                .body(ProgrammeView.of(programme));
    }

    @GetMapping("/{id}")
    ResponseEntity<ProgrammeView> getProgramme(@PathVariable UUID id) {
        return answer(existing(id));
    }

    @PutMapping("/{id}")
    ResponseEntity<ProgrammeView> amendProgramme(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProgrammeRequest request) {
        Callers.managedTenant();
        Programme programme = existing(id);
        ETags.requireMatch(ifMatch, programme.version());
        long stored = programme.version();
        programme.amend(request.toTerms(), clock.instant());
        programmes.update(programme, stored);
        return answer(programme);
    }

    private Programme existing(UUID id) {
        return programmes.find(id).orElseThrow(() -> NotFound.of("programme", id));
    }

    private static ResponseEntity<ProgrammeView> answer(Programme programme) {
        return ResponseEntity.ok().eTag(ETags.of(programme.version())).body(ProgrammeView.of(programme));
    }
}
