package se.samlyft.catalog.offering.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.catalog.course.CourseStatus;
import se.samlyft.catalog.course.Courses;
import se.samlyft.catalog.federation.Federations;
import se.samlyft.catalog.offering.EnrolledOrganisations;
import se.samlyft.catalog.offering.Funding;
import se.samlyft.catalog.offering.Offering;
import se.samlyft.catalog.offering.OfferingTerms;
import se.samlyft.catalog.offering.Offerings;
import se.samlyft.catalog.programme.Programme;
import se.samlyft.catalog.programme.ProgrammeTerms;
import se.samlyft.catalog.programme.Programmes;
import se.samlyft.catalog.web.CatalogPolicy;
import se.samlyft.platform.problem.ETags;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;
import se.samlyft.platform.web.Page;

/**
 * {@code /api/catalog/offerings}: the scheduled runs of courses. The owner's coordinators (a federation's: its
 * federation coordinators) schedule, change and cancel them; everyone reads the offerings their organisation may
 * enrol in or has enrolled in, and coordinators also all of their own.
 */
@RestController
@RequestMapping("/api/catalog/offerings")
class OfferingController {

    private static final String PATH = "/api/catalog/offerings/";

    private final Offerings offerings;
    private final Courses courses;
    private final Programmes programmes;
    private final Federations federations;
    private final EnrolledOrganisations enrolled;
    private final Clock clock;

    OfferingController(
            Offerings offerings,
            Courses courses,
            Programmes programmes,
            Federations federations,
            EnrolledOrganisations enrolled,
            Clock clock) {
        this.offerings = offerings;
        this.courses = courses;
        this.programmes = programmes;
        this.federations = federations;
        this.enrolled = enrolled;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<OfferingView> scheduleOffering(@Valid @RequestBody OfferingRequest request) {
        TenantId owner = CatalogPolicy.requireMayManageOfferings();
        boolean publishedCourse = courses.find(request.courseId())
                .filter(course -> course.owner().equals(owner) && course.status() == CourseStatus.PUBLISHED)
                .isPresent();
        if (!publishedCourse) {
            throw new InvalidInput("courseId", "must name a published course of the organisation");
        }
        OfferingTerms terms = request.toTerms();
        Set<TenantId> members = members(owner);
        Offering offering = Offering.schedule(
                UUID.randomUUID(),
                request.courseId(),
                owner,
                terms,
                members,
                funding(terms, owner, members),
                clock.instant());
        offerings.add(offering);
        return ResponseEntity.created(URI.create(PATH + offering.id()))
                .eTag(ETags.of(offering.version()))
                .body(OfferingView.of(offering));
    }

    @GetMapping("/{id}")
    ResponseEntity<OfferingView> getOffering(@PathVariable UUID id) {
        Caller caller = CatalogPolicy.caller();
        Offering offering = offerings
                .find(id)
                .filter(found -> caller.tenant()
                        .filter(tenant -> found.isOpenTo(tenant)
                                || (CatalogPolicy.manages(caller)
                                        && found.owner().equals(tenant))
                                || (!found.owner().equals(tenant) && enrolled.isEnrolled(id, tenant)))
                        .isPresent())
                .orElseThrow(() -> NotFound.of("offering", id));
        return answer(offering);
    }

    /** The offerings the caller's organisation may enrol in (and a coordinator's own), of one course if named. */
    @GetMapping
    Page<OfferingView> listOfferings(
            @RequestParam(required = false) @Nullable UUID courseId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        Caller caller = CatalogPolicy.caller();
        return caller.tenant()
                .map(tenant -> offerings
                        .list(tenant, CatalogPolicy.manages(caller), courseId, page, size)
                        .map(OfferingView::of))
                .orElseGet(() -> Page.empty(page, size));
    }

    @PutMapping("/{id}")
    ResponseEntity<OfferingView> changeOffering(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody OfferingRequest request) {
        TenantId owner = CatalogPolicy.requireMayManageOfferings();
        Offering offering = owned(id, owner);
        ETags.requireMatch(ifMatch, offering.version());
        if (!offering.courseId().equals(request.courseId())) {
            throw new InvalidInput("courseId", "cannot change once the offering is scheduled");
        }
        long stored = offering.version();
        OfferingTerms terms = request.toTerms();
        Set<TenantId> members = members(owner);
        offering.change(terms, members, funding(terms, owner, members), clock.instant());
        offerings.update(offering, stored);
        return answer(offering);
    }

    @PostMapping("/{id}/cancel")
    ResponseEntity<OfferingView> cancelOffering(@PathVariable UUID id) {
        TenantId owner = CatalogPolicy.requireMayManageOfferings();
        Offering offering = owned(id, owner);
        long stored = offering.version();
        offering.cancel(clock.instant());
        offerings.update(offering, stored);
        return answer(offering);
    }

    /**
     * The programme the terms name, read in the owner's scope and, for a federation, its current members' too: a
     * programme of the owner, or of a member of the owning federation, may fund the offering.
     */
    private @Nullable Funding funding(OfferingTerms terms, TenantId owner, Set<TenantId> members) {
        UUID programmeId = terms.programmeId();
        if (programmeId == null) {
            return null;
        }
        TenantScope owners = members.isEmpty() ? TenantScope.of(owner) : TenantScope.federation(owner, members);
        Programme programme = TenantContext.callAs(owners, () -> programmes.find(programmeId))
                .filter(found -> owners.includes(found.owner()))
                .orElseThrow(() -> new InvalidInput(
                        "programmeId", "must name a programme of the organisation or of a member of its federation"));
        ProgrammeTerms funded = programme.terms();
        return new Funding(programme.id(), programme.owner(), funded.start(), funded.end(), funded.partners());
    }

    private Set<TenantId> members(TenantId owner) {
        return federations.membersOf(owner);
    }

    private Offering owned(UUID id, TenantId owner) {
        return offerings
                .find(id)
                .filter(offering -> offering.owner().equals(owner))
                .orElseThrow(() -> NotFound.of("offering", id));
    }

    private static ResponseEntity<OfferingView> answer(Offering offering) {
        return ResponseEntity.ok().eTag(ETags.of(offering.version())).body(OfferingView.of(offering));
    }
}
