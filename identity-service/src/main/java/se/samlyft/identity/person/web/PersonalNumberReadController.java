package se.samlyft.identity.person.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.identity.person.PersonalNumberReads;
import se.samlyft.identity.web.IdentityPolicy;
import se.samlyft.platform.web.Page;

/**
 * {@code /api/identity/personal-number-reads}: the audit log of every read of a personal identity number of the
 * organisation's people, the newest first, for the organisation's coordinators. A person reads the log of their own
 * number under {@code /api/identity/people/{id}/personal-number-reads}.
 */
@RestController
class PersonalNumberReadController {

    private final PersonalNumberReads reads;

    PersonalNumberReadController(PersonalNumberReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/identity/personal-number-reads")
    Page<PersonalNumberReadView> organisationsLog(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        IdentityPolicy.requireMayReadPersonalNumberLog();
        return Page.of(
                reads.page(null, page, size).stream()
                        .map(PersonalNumberReadView::of)
                        .toList(),
                page,
                size,
                reads.count(null));
    }
}
