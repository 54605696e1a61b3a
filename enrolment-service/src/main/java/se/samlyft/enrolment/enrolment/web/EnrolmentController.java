package se.samlyft.enrolment.enrolment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.enrolment.enrolment.EnrolmentState;
import se.samlyft.enrolment.enrolment.application.ApplyingForASeat;
import se.samlyft.enrolment.enrolment.application.DecidingAnApproval;
import se.samlyft.enrolment.enrolment.application.EnrolmentDetails;
import se.samlyft.enrolment.enrolment.application.EnrolmentList;
import se.samlyft.enrolment.enrolment.application.Evaluating;
import se.samlyft.enrolment.enrolment.application.FollowingAnOffering;
import se.samlyft.enrolment.enrolment.application.ReadingEnrolments;
import se.samlyft.enrolment.enrolment.application.RecordingAttendance;
import se.samlyft.enrolment.enrolment.application.RecordingTime;
import se.samlyft.enrolment.enrolment.application.TakingTheCourse;
import se.samlyft.enrolment.enrolment.application.Withdrawing;
import se.samlyft.enrolment.enrolment.web.ProblemResponses.Answered;
import se.samlyft.enrolment.enrolment.web.ProblemResponses.Busy;
import se.samlyft.enrolment.enrolment.web.ProblemResponses.Conflicting;
import se.samlyft.enrolment.enrolment.web.ProblemResponses.Invalid;
import se.samlyft.enrolment.enrolment.web.ProblemResponses.Move;
import se.samlyft.enrolment.enrolment.web.ProblemResponses.Refused;
import se.samlyft.enrolment.enrolment.web.ProblemResponses.Stale;
import se.samlyft.enrolment.enrolment.web.ProblemResponses.Unknown;
import se.samlyft.platform.problem.ETags;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.security.CurrentCaller;
import se.samlyft.platform.tenancy.TenantId;

/**
 * {@code /api/enrolments}: maps each request to its use case and the answer to JSON. A participant requests a seat,
 * withdraws, takes the course, confirms monthly hours and evaluates it; a coordinator enrols the organisation's staff
 * and records attendance, completion and no-shows; a manager approves or declines. Who may do what is the
 * {@link se.samlyft.enrolment.enrolment.application.EnrolmentPolicy}'s to say.
 */
@RestController
@RequestMapping("/api/enrolments")
class EnrolmentController {

    private static final String PATH = "/api/enrolments/";
    private static final int MAX_SIZE = 100;

    private final ApplyingForASeat applying;
    private final DecidingAnApproval deciding;
    private final Withdrawing withdrawing;
    private final TakingTheCourse taking;
    private final RecordingAttendance attendance;
    private final RecordingTime time;
    private final Evaluating evaluating;
    private final ReadingEnrolments reading;
    private final FollowingAnOffering following;

    EnrolmentController(
            ApplyingForASeat applying,
            DecidingAnApproval deciding,
            Withdrawing withdrawing,
            TakingTheCourse taking,
            RecordingAttendance attendance,
            RecordingTime time,
            Evaluating evaluating,
            ReadingEnrolments reading,
            FollowingAnOffering following) {
        this.applying = applying;
        this.deciding = deciding;
        this.withdrawing = withdrawing;
        this.taking = taking;
        this.attendance = attendance;
        this.time = time;
        this.evaluating = evaluating;
        this.reading = reading;
        this.following = following;
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
    record EnrolmentPage(List<EnrolmentView> items, int page, int size, long totalItems, long totalPages) {

        static EnrolmentPage of(EnrolmentList list) {
            return new EnrolmentPage(
                    list.items().stream().map(EnrolmentView::of).toList(),
                    list.page(),
                    list.size(),
                    list.totalItems(),
                    list.totalPages());
        }
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Invalid
    @Refused
    @Unknown
    @Conflicting
    @Busy
    @PostMapping
    ResponseEntity<EnrolmentView> requestSeat(@Valid @RequestBody EnrolmentRequest request) {
        EnrolmentDetails enrolment = applying.apply(caller(), request.offeringId(), request.personId());
        return ResponseEntity.created(
                        URI.create(PATH + enrolment.enrolment().id().value()))
                .eTag(ETags.of(enrolment.enrolment().version()))
                .body(EnrolmentView.of(enrolment));
    }

    /**
     * A page of enrolments, newest first: the organisation's for a coordinator, the caller's own for anyone else, and
     * with {@code staff=true} those of the people the caller manages.
     */
    @Answered
    @Invalid
    @GetMapping
    EnrolmentPage list(
            @RequestParam(defaultValue = "false") boolean staff,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
        Caller caller = caller();
        return EnrolmentPage.of(staff ? reading.ofStaff(caller, page, size) : reading.list(caller, page, size));
    }

    /**
     * The requests awaiting a decision: for a coordinator every one in the organisation, for a manager those of the
     * people they manage; the hold that runs out first first.
     */
    @Answered
    @GetMapping("/approvals")
    List<EnrolmentView> approvals() {
        return reading.awaitingApproval(caller()).stream()
                .map(EnrolmentView::of)
                .toList();
    }

    /**
     * An offering's roster, in order of arrival, of one state and organisation when given: every organisation's
     * enrolments for the offering's owner (a coordinator, or the federation's project leader for a joint offering);
     * a coordinator of an organisation in its audience sees their own organisation's.
     */
    @Answered
    @Invalid
    @Refused
    @Unknown
    @GetMapping("/offerings/{offeringId}")
    EnrolmentPage roster(
            @PathVariable UUID offeringId,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String organisation,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_SIZE) int size) {
        Caller caller = caller();
        return EnrolmentPage.of(
                following.roster(caller, offeringId, state(state), organisation(organisation), page, size));
    }

    /**
     * How an offering's seats are used, for its owner: the pool and what is taken of it, and per organisation its
     * quota, the seats its people hold from the quota and from the pool, and how many await approval or wait.
     */
    @Answered
    @Refused
    @Unknown
    @GetMapping("/offerings/{offeringId}/seats")
    SeatsView seatUse(@PathVariable UUID offeringId) {
        return SeatsView.of(following.seatUse(caller(), offeringId));
    }

    @Answered
    @Unknown
    @GetMapping("/{id}")
    ResponseEntity<EnrolmentView> get(@PathVariable UUID id) {
        return answer(reading.one(caller(), id));
    }

    @Answered
    @Unknown
    @Conflicting
    @Stale
    @Busy
    @PostMapping("/{id}/withdraw")
    ResponseEntity<EnrolmentView> withdraw(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        return answer(withdrawing.withdraw(caller(), id, ifMatch));
    }

    @Move
    @Busy
    @PostMapping("/{id}/approve")
    ResponseEntity<EnrolmentView> approve(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        return answer(deciding.approve(caller(), id, ifMatch));
    }

    @Move
    @Invalid
    @Busy
    @PostMapping("/{id}/decline")
    ResponseEntity<EnrolmentView> decline(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody DeclineRequest request) {
        return answer(deciding.decline(caller(), id, ifMatch, request.reason()));
    }

    @Move
    @PostMapping("/{id}/start")
    ResponseEntity<EnrolmentView> start(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        return answer(taking.start(caller(), id, ifMatch));
    }

    @Move
    @PostMapping("/{id}/pause")
    ResponseEntity<EnrolmentView> pause(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        return answer(taking.pause(caller(), id, ifMatch));
    }

    @Move
    @PostMapping("/{id}/resume")
    ResponseEntity<EnrolmentView> resume(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        return answer(taking.resume(caller(), id, ifMatch));
    }

    @Move
    @Invalid
    @PostMapping("/{id}/progress")
    ResponseEntity<EnrolmentView> progress(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProgressRequest request) {
        return answer(taking.recordProgress(caller(), id, ifMatch, request.modulesCompleted(), request.resumeAt()));
    }

    /** Attendance of a scheduled course, or completion of a self-paced one whose modules the catalog did not count. */
    @Move
    @PostMapping("/{id}/completion")
    ResponseEntity<EnrolmentView> completion(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        return answer(attendance.completion(caller(), id, ifMatch));
    }

    @Move
    @PostMapping("/{id}/no-show")
    ResponseEntity<EnrolmentView> noShow(
            @PathVariable UUID id, @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch) {
        return answer(attendance.noShow(caller(), id, ifMatch));
    }

    @Move
    @Invalid
    @PostMapping("/{id}/evaluation")
    ResponseEntity<EnrolmentView> evaluate(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody EvaluationRequest request) {
        return answer(evaluating.evaluate(caller(), id, ifMatch, request.usefulness(), request.comment()));
    }

    @Move
    @Invalid
    @PostMapping("/{id}/time-statements")
    ResponseEntity<TimeStatementView> confirmTimeStatement(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody TimeStatementRequest request) {
        YearMonth month = month(request.month());
        BigDecimal paid = request.paidWorkingTimeHours() == null ? BigDecimal.ZERO : request.paidWorkingTimeHours();
        return ResponseEntity.ok(
                TimeStatementView.of(time.confirm(caller(), id, ifMatch, month, request.hours(), paid)));
    }

    @Answered
    @Unknown
    @GetMapping("/{id}/time-statements")
    List<TimeStatementView> timeStatements(@PathVariable UUID id) {
        return time.statements(caller(), id).stream().map(TimeStatementView::of).toList();
    }

    private static ResponseEntity<EnrolmentView> answer(EnrolmentDetails enrolment) {
        return ResponseEntity.ok()
                .eTag(ETags.of(enrolment.enrolment().version()))
                .body(EnrolmentView.of(enrolment));
    }

    private static @Nullable EnrolmentState state(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EnrolmentState.valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput(
                    "state", "must be one of " + Arrays.toString(EnrolmentState.values()) + ", not " + value);
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

    private static YearMonth month(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException malformed) {
            throw new InvalidInput("month", "must be a calendar month such as 2026-09");
        }
    }

    /** The authenticated caller; the security filters let no request without one reach here. */
    private static Caller caller() {
        return CurrentCaller.get().orElseThrow(() -> new AccessDeniedException("No authenticated caller"));
    }
}
