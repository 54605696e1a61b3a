package se.samlyft.enrolment.enrolment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.EnrolmentState;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.enrolment.enrolment.RequestedBy;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.enrolment.TimeStatement;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.offering.Courses;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.offering.Offerings;
import se.samlyft.enrolment.person.People;
import se.samlyft.enrolment.person.Person;
import se.samlyft.platform.problem.ETags;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.CurrentCaller;
import se.samlyft.platform.tenancy.TenantId;

/**
 * {@code /api/enrolments}: a participant requests a seat, withdraws, takes the course (start, pause, resume,
 * progress), confirms monthly hours and evaluates it; a coordinator enrols the organisation's staff and records
 * attendance, completion and no-shows; a manager approves or declines. Everyone sees only their organisation's
 * enrolments, and a participant only their own.
 */
@RestController
@RequestMapping("/api/enrolments")
class EnrolmentController {

    static final String COORDINATOR = "coordinator";
    static final String FEDERATION_COORDINATOR = "federation-coordinator";
    private static final String PATH = "/api/enrolments/";
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final int MAX_SIZE = 100;

    private final Enrolments enrolments;
    private final Seats seats;
    private final Offerings offerings;
    private final Courses courses;
    private final People people;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EnrolmentController(
            Enrolments enrolments,
            Seats seats,
            Offerings offerings,
            Courses courses,
            People people,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.enrolments = enrolments;
        this.seats = seats;
        this.offerings = offerings;
        this.courses = courses;
        this.people = people;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A request for a seat: for the caller, or (by a coordinator) for a person of the coordinator's organisation. */
    record EnrolmentRequest(
            @NotNull UUID offeringId, @Nullable UUID personId) {}

    record DeclineRequest(@Nullable String reason) {}

    record ProgressRequest(
            @NotNull Integer modulesCompleted, @Nullable String resumeAt) {}

    record TimeStatementRequest(
            @NotNull String month,
            @NotNull BigDecimal hours,
            @Nullable BigDecimal paidWorkingTimeHours) {}

    record EvaluationRequest(
            @NotNull Integer usefulness, @Nullable String comment) {}

    /** One page of enrolments. */
    record EnrolmentPage(List<EnrolmentView> items, int page, int size, long totalItems, long totalPages) {}

    @PostMapping
    ResponseEntity<EnrolmentView> requestSeat(@Valid @RequestBody EnrolmentRequest request) {
        Caller caller = current();
        TenantId tenant = tenantOf(caller);
        UUID own = caller.personId().orElse(null);
        UUID personId = request.personId() == null ? own : request.personId();
        if (personId == null) {
            throw new AccessDeniedException("The token names no person; a coordinator names the person to enrol");
        }
        boolean self = personId.equals(own);
        if (!self && !isCoordinator(caller)) {
            throw new AccessDeniedException("Only a coordinator enrols someone else");
        }
        Person person = people.find(personId)
                .filter(found -> found.organisation().equals(tenant))
                .orElseThrow(() -> new NotFound("No person " + personId + " of the organisation is known."));
        offerings.find(request.offeringId()).orElseThrow(() -> NotFound.of("offering", request.offeringId()));
        Enrolment enrolment = seats.atOffering(
                request.offeringId(),
                desk -> desk.request(
                        UUID.randomUUID(), person, self ? RequestedBy.SELF : RequestedBy.COORDINATOR, now()));
        return ResponseEntity.created(URI.create(PATH + enrolment.id()))
                .eTag(ETags.of(enrolment.version()))
                .body(view(enrolment));
    }

    /**
     * A page of enrolments, newest first: the organisation's for a coordinator, the caller's own for anyone else, and
     * with {@code staff=true} those of the people the caller manages.
     */
    @GetMapping
    EnrolmentPage list(
            @RequestParam(defaultValue = "false") boolean staff,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
        Caller caller = current();
        if (caller.tenant().isEmpty()) {
            return new EnrolmentPage(List.of(), page, size, 0, 0);
        }
        if (staff) {
            return caller.personId()
                    .map(manager -> {
                        long total = enrolments.countOfStaff(manager);
                        List<EnrolmentView> items = enrolments.listOfStaff(manager, page, size).stream()
                                .map(this::view)
                                .toList();
                        return new EnrolmentPage(items, page, size, total, (total + size - 1) / size);
                    })
                    .orElseGet(() -> new EnrolmentPage(List.of(), page, size, 0, 0));
        }
        UUID personId = isCoordinator(caller) ? null : caller.personId().orElse(null);
        if (personId == null && !isCoordinator(caller)) {
            return new EnrolmentPage(List.of(), page, size, 0, 0);
        }
        long total = enrolments.count(personId);
        List<EnrolmentView> items =
                enrolments.list(personId, page, size).stream().map(this::view).toList();
        return new EnrolmentPage(items, page, size, total, (total + size - 1) / size);
    }

    /**
     * The requests awaiting a decision: for a coordinator every one in the organisation, for a manager those of the
     * people they manage; the hold that runs out first first.
     */
    @GetMapping("/approvals")
    List<EnrolmentView> approvals() {
        Caller caller = current();
        if (caller.hasRole(COORDINATOR) && caller.tenant().isPresent()) {
            return enrolments.awaitingApproval().stream().map(this::view).toList();
        }
        return caller.personId()
                .map(manager -> enrolments.awaitingApprovalBy(manager).stream()
                        .map(this::view)
                        .toList())
                .orElse(List.of());
    }

    /**
     * An offering's roster, in order of arrival, of one state and organisation when given: every organisation's
     * enrolments for the offering's owner (a coordinator, or the federation's project leader for a joint offering);
     * a coordinator of an organisation in its audience sees their own organisation's.
     */
    @GetMapping("/offerings/{offeringId}")
    EnrolmentPage roster(
            @PathVariable UUID offeringId,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String organisation,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
        Caller caller = current();
        TenantId tenant = tenantOf(caller);
        EnrolmentState wanted = state(state);
        TenantId of = organisation(organisation);
        Offering offering = followed(offeringId, caller, tenant);
        if (offering.owner().equals(tenant)) {
            return seats.readingEveryOrganisationOf(offeringId, () -> rosterPage(offeringId, wanted, of, page, size));
        }
        if (of != null && !of.equals(tenant)) {
            throw new AccessDeniedException(
                    "Only the offering's owner lists the enrolments of other organisations than the caller's");
        }
        return rosterPage(offeringId, wanted, tenant, page, size);
    }

    /**
     * How an offering's seats are used, for its owner: the pool and what is taken of it, and per organisation its
     * quota, the seats its people hold from the quota and from the pool, and how many await approval or wait.
     */
    @GetMapping("/offerings/{offeringId}/seats")
    SeatsView seatUse(@PathVariable UUID offeringId) {
        Caller caller = current();
        TenantId tenant = tenantOf(caller);
        Offering offering = followed(offeringId, caller, tenant);
        if (!offering.owner().equals(tenant)) {
            throw new AccessDeniedException("Only the offering's owner sees how every organisation uses its seats");
        }
        List<Enrolments.SeatUse> use =
                seats.readingEveryOrganisationOf(offeringId, () -> enrolments.seatUse(offeringId));
        return SeatsView.of(offering, use, now());
    }

    private EnrolmentPage rosterPage(
            UUID offeringId, @Nullable EnrolmentState state, @Nullable TenantId organisation, int page, int size) {
        long total = enrolments.countOfOffering(offeringId, state, organisation);
        List<EnrolmentView> items = enrolments.ofOffering(offeringId, state, organisation, page, size).stream()
                .map(this::view)
                .toList();
        return new EnrolmentPage(items, page, size, total, (total + size - 1) / size);
    }

    /**
     * The offering, for a coordinator or federation coordinator whose organisation owns it or is in its audience;
     * 404 for one the caller's organisation cannot see.
     */
    private Offering followed(UUID offeringId, Caller caller, TenantId tenant) {
        Offering offering = offerings.find(offeringId).orElseThrow(() -> NotFound.of("offering", offeringId));
        if (!isCoordinator(caller)) {
            throw new AccessDeniedException(
                    "Only a coordinator, or the federation's project leader for a joint offering, follows an offering's"
                            + " enrolments");
        }
        if (!offering.owner().equals(tenant) && !offering.isOpenTo(tenant)) {
            throw NotFound.of("offering", offeringId);
        }
        return offering;
    }

    private static @Nullable EnrolmentState state(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EnrolmentState.valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput(
                    "state", "must be one of " + java.util.Arrays.toString(EnrolmentState.values()) + ", not " + value);
        }
    }

    private static @Nullable TenantId organisation(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TenantId.of(value.strip());
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInput("organisation", "must be an organisation's id, such as arvidsjaur");
        }
    }

    @GetMapping("/{id}")
    ResponseEntity<EnrolmentView> get(@PathVariable UUID id) {
        Enrolment enrolment = readable(id, current());
        return answer(enrolment);
    }

    @PostMapping("/{id}/withdraw")
    ResponseEntity<EnrolmentView> withdraw(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        Enrolment enrolment = ownOrCoordinated(id, current());
        checkVersion(ifMatch, enrolment);
        return answer(seats.atOffering(enrolment.offeringId(), desk -> desk.withdraw(id, now())));
    }

    @PostMapping("/{id}/approve")
    ResponseEntity<EnrolmentView> approve(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        Enrolment enrolment = decidable(id, current());
        checkVersion(ifMatch, enrolment);
        return answer(seats.atOffering(enrolment.offeringId(), desk -> desk.approve(id, now())));
    }

    @PostMapping("/{id}/decline")
    ResponseEntity<EnrolmentView> decline(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody DeclineRequest request) {
        Enrolment enrolment = decidable(id, current());
        checkVersion(ifMatch, enrolment);
        String reason = request.reason() == null ? "" : request.reason();
        return answer(seats.atOffering(enrolment.offeringId(), desk -> desk.decline(id, reason, now())));
    }

    @PostMapping("/{id}/start")
    ResponseEntity<EnrolmentView> start(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        return answer(change(id, ifMatch, this::own, (enrolment, at) -> enrolment.start(offeringOf(enrolment), at)));
    }

    @PostMapping("/{id}/pause")
    ResponseEntity<EnrolmentView> pause(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        return answer(change(id, ifMatch, this::own, (enrolment, at) -> enrolment.pause(at)));
    }

    @PostMapping("/{id}/resume")
    ResponseEntity<EnrolmentView> resume(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        return answer(change(id, ifMatch, this::own, (enrolment, at) -> enrolment.resume(at)));
    }

    @PostMapping("/{id}/progress")
    ResponseEntity<EnrolmentView> progress(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProgressRequest request) {
        return answer(change(
                id,
                ifMatch,
                this::own,
                (enrolment, at) -> enrolment.recordProgress(
                        request.modulesCompleted(), request.resumeAt(), courseOf(enrolment), at)));
    }

    /** Attendance of a scheduled course, or completion of a self-paced one whose modules the catalog did not count. */
    @PostMapping("/{id}/completion")
    ResponseEntity<EnrolmentView> completion(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        return answer(change(
                id,
                ifMatch,
                this::coordinated,
                (enrolment, at) -> enrolment.recordCompletion(courseOf(enrolment), at)));
    }

    @PostMapping("/{id}/no-show")
    ResponseEntity<EnrolmentView> noShow(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        return answer(change(
                id, ifMatch, this::coordinated, (enrolment, at) -> enrolment.markNoShow(offeringOf(enrolment), at)));
    }

    @PostMapping("/{id}/evaluation")
    ResponseEntity<EnrolmentView> evaluate(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody EvaluationRequest request) {
        return answer(change(
                id,
                ifMatch,
                this::own,
                (enrolment, at) -> enrolment.evaluate(request.usefulness(), request.comment(), at)));
    }

    @PostMapping("/{id}/time-statements")
    ResponseEntity<TimeStatementView> confirmTimeStatement(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody TimeStatementRequest request) {
        YearMonth month = month(request.month());
        BigDecimal paid = request.paidWorkingTimeHours() == null ? BigDecimal.ZERO : request.paidWorkingTimeHours();
        Caller caller = current();
        TimeStatement statement = transaction.execute(status -> {
            Enrolment enrolment = own(id, caller);
            checkVersion(ifMatch, enrolment);
            Offering offering = offeringOf(enrolment);
            Instant at = now();
            long stored = enrolment.version();
            TimeStatement confirmed = enrolment.confirmTimeStatement(
                    month,
                    request.hours(),
                    paid,
                    enrolments.timeStatements(id).get(month),
                    offering,
                    YearMonth.from(offering.startsAt().atZone(SWEDEN)),
                    YearMonth.from(at.atZone(SWEDEN)),
                    at);
            enrolments.update(enrolment, stored);
            enrolments.saveTimeStatement(enrolment, confirmed);
            return confirmed;
        });
        return ResponseEntity.ok(TimeStatementView.of(statement));
    }

    @GetMapping("/{id}/time-statements")
    List<TimeStatementView> timeStatements(@PathVariable UUID id) {
        readable(id, current());
        Map<YearMonth, TimeStatement> statements = enrolments.timeStatements(id);
        return statements.values().stream().map(TimeStatementView::of).toList();
    }

    private Enrolment change(UUID id, @Nullable String ifMatch, Access access, BiConsumer<Enrolment, Instant> move) {
        Caller caller = current();
        return transaction.execute(status -> {
            Enrolment enrolment = access.check(id, caller);
            checkVersion(ifMatch, enrolment);
            long stored = enrolment.version();
            move.accept(enrolment, now());
            enrolments.update(enrolment, stored);
            return enrolment;
        });
    }

    /**
     * The optional {@code If-Match} of an action: when sent, it must name the enrolment's current version (412 when
     * it moved on), so that a page showing an older state cannot act on the newer one.
     */
    private static void checkVersion(@Nullable String ifMatch, Enrolment enrolment) {
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, enrolment.version());
        }
    }

    /** Finds an enrolment the caller may act on, or refuses. */
    @FunctionalInterface
    private interface Access {
        Enrolment check(UUID id, Caller caller);
    }

    private Enrolment readable(UUID id, Caller caller) {
        Enrolment enrolment = visible(id);
        if (isOwn(enrolment, caller) || isCoordinator(caller) || isManagerOf(enrolment, caller)) {
            return enrolment;
        }
        throw NotFound.of("enrolment", id);
    }

    private Enrolment own(UUID id, Caller caller) {
        Enrolment enrolment = visible(id);
        if (!isOwn(enrolment, caller)) {
            if (isCoordinator(caller) || isManagerOf(enrolment, caller)) {
                throw new AccessDeniedException("Only the participant takes the course");
            }
            throw NotFound.of("enrolment", id);
        }
        return enrolment;
    }

    private Enrolment ownOrCoordinated(UUID id, Caller caller) {
        Enrolment enrolment = visible(id);
        if (isOwn(enrolment, caller) || isCoordinator(caller)) {
            return enrolment;
        }
        throw NotFound.of("enrolment", id);
    }

    private Enrolment coordinated(UUID id, Caller caller) {
        Enrolment enrolment = visible(id);
        if (!isCoordinator(caller)) {
            if (isOwn(enrolment, caller) || isManagerOf(enrolment, caller)) {
                throw new AccessDeniedException("Only a coordinator records attendance, completion and no-shows");
            }
            throw NotFound.of("enrolment", id);
        }
        return enrolment;
    }

    private Enrolment decidable(UUID id, Caller caller) {
        Enrolment enrolment = visible(id);
        if (isManagerOf(enrolment, caller) || isCoordinator(caller)) {
            return enrolment;
        }
        if (isOwn(enrolment, caller)) {
            throw new AccessDeniedException("Only the person's manager decides on the request");
        }
        throw NotFound.of("enrolment", id);
    }

    private Enrolment visible(UUID id) {
        return enrolments.find(id).orElseThrow(() -> NotFound.of("enrolment", id));
    }

    private static boolean isOwn(Enrolment enrolment, Caller caller) {
        return caller.personId().filter(enrolment.personId()::equals).isPresent();
    }

    private boolean isManagerOf(Enrolment enrolment, Caller caller) {
        return caller.personId()
                .flatMap(manager -> people.find(enrolment.personId()).filter(person -> person.isManagedBy(manager)))
                .isPresent();
    }

    private static boolean isCoordinator(Caller caller) {
        return caller.hasRole(COORDINATOR) || caller.hasRole(FEDERATION_COORDINATOR);
    }

    private Offering offeringOf(Enrolment enrolment) {
        return offerings
                .find(enrolment.offeringId())
                .orElseThrow(() -> NotFound.of("offering", enrolment.offeringId()));
    }

    private Course courseOf(Enrolment enrolment) {
        Enrolment.Stored stored = enrolment.stored();
        return courses.find(stored.courseId())
                .orElseGet(() -> Course.unknown(stored.courseId(), stored.offeringOwner()));
    }

    private ResponseEntity<EnrolmentView> answer(Enrolment enrolment) {
        return ResponseEntity.ok().eTag(ETags.of(enrolment.version())).body(view(enrolment));
    }

    private EnrolmentView view(Enrolment enrolment) {
        Integer position = enrolment.state() == EnrolmentState.WAITLISTED
                ? enrolments.waitlistPosition(enrolment.id()).orElse(null)
                : null;
        return EnrolmentView.of(enrolment, position, enrolment.percentOf(courseOf(enrolment)));
    }

    /** Now, to the microsecond PostgreSQL keeps, so that a time shown is the time stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static YearMonth month(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException malformed) {
            throw new InvalidInput("month", "must be a calendar month such as 2026-09");
        }
    }

    private static Caller current() {
        return CurrentCaller.get().orElseThrow(() -> new AccessDeniedException("No authenticated caller"));
    }

    private static TenantId tenantOf(Caller caller) {
        return caller.tenant().orElseThrow(() -> new NotFound("The token names no organisation."));
    }
}
