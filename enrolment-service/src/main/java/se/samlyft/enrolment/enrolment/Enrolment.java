package se.samlyft.enrolment.enrolment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.EnrolmentEvent.Facts;
import se.samlyft.enrolment.enrolment.EnrolmentState.Move;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.offering.OfferingId;
import se.samlyft.enrolment.person.Person;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;

/**
 * One person on one offering, from the request to its end. Every move refuses an illegal one with a {@link Conflict}
 * ({@link Move} is the table; {@link InvalidInput} for a bad value), or raises the version and records an
 * {@link EnrolmentEvent}. The seat itself is given and taken back by the {@link SeatDesk}.
 */
public final class Enrolment {

    private final SeatRequest request;
    private EnrolmentState state;
    private @Nullable SeatHold seat;
    private @Nullable String declineReason;
    private boolean paused;
    private Progress progress;
    private @Nullable Evaluation evaluation;
    private long version;
    private final List<EnrolmentEvent> events = new ArrayList<>();

    private Enrolment(StoredEnrolment stored) {
        this.request = stored.request();
        this.state = stored.state();
        this.seat = stored.seat();
        this.declineReason = stored.declineReason();
        this.paused = stored.paused();
        this.progress = stored.progress();
        this.evaluation = stored.evaluation();
        this.version = stored.version();
    }

    /** A new request for a seat, at version 1; the {@link SeatDesk} decides at once what becomes of it. */
    public static Enrolment request(
            EnrolmentId id, Person person, Offering offering, RequestedBy requestedBy, long arrival, Instant at) {
        SeatRequest request = SeatRequest.of(id, person, offering, requestedBy, arrival);
        Enrolment enrolment = new Enrolment(
                new StoredEnrolment(request, EnrolmentState.REQUESTED, null, null, false, Progress.NONE, null, 1));
        enrolment.events.add(new EnrolmentEvent.Requested(enrolment.facts(at), requestedBy));
        return enrolment;
    }

    /** An enrolment as it was stored, without recorded events. */
    public static Enrolment restore(StoredEnrolment stored) {
        return new Enrolment(stored);
    }

    /** Holds {@code source}'s seat for the manager's decision until {@code holdUntil}. */
    public void holdSeat(SeatSource source, @Nullable UUID managerId, Instant holdUntil, Instant at) {
        SeatHold hold = new SeatHold(source, holdUntil);
        move(Move.HOLD_SEAT, hold, at, f -> new EnrolmentEvent.AwaitingApproval(f, managerId, holdUntil));
    }

    /** Gives the person a seat from {@code source}: no approval is needed. */
    public void confirm(SeatSource source, Instant at) {
        move(Move.CONFIRM, SeatHold.given(source), at, f -> new EnrolmentEvent.Confirmed(f, source));
    }

    /** Puts the request on the waiting list at {@code position}, as no seat is free for the person. */
    public void waitlist(int position, Instant at) {
        require(Move.WAITLIST);
        if (position < 1) {
            throw new IllegalArgumentException("A place on the waiting list counts from 1");
        }
        move(Move.WAITLIST, null, at, f -> new EnrolmentEvent.Waitlisted(f, position));
    }

    /** The manager approves: the held seat is the person's. */
    public void approve(Instant at) {
        require(Move.APPROVE);
        SeatSource source =
                Objects.requireNonNull(seat, "Awaiting approval holds a seat").source();
        move(Move.APPROVE, SeatHold.given(source), at, f -> new EnrolmentEvent.Confirmed(f, source));
    }

    /** The manager declines, for {@code reason}; the held seat is released. */
    public void decline(String reason, Instant at) {
        declined(Move.DECLINE, DeclineReason.of(reason).text(), at);
    }

    /** The hold ran out without a decision: declined, and the seat released. */
    public void expireHold(Instant at) {
        require(Move.EXPIRE_HOLD);
        Instant until =
                Objects.requireNonNull(seat, "Awaiting approval holds a seat").until();
        if (until != null && at.isBefore(until)) {
            throw new Conflict("The seat is held for the manager's decision until " + until + ".");
        }
        declined(Move.EXPIRE_HOLD, "No decision by the manager before the seat's hold ran out at " + until + ".", at);
    }

    private void declined(Move how, String reason, Instant at) {
        move(how, null, at, f -> new EnrolmentEvent.Declined(f, reason));
        declineReason = reason;
    }

    /** The person (or a coordinator for them) withdraws; a seat they held is released. */
    public void withdraw(Instant at) {
        move(Move.WITHDRAW, null, at, EnrolmentEvent.Withdrawn::new);
    }

    /** The offering was cancelled: so is every live enrolment on it. */
    public void cancel(Instant at) {
        move(Move.CANCEL, null, at, EnrolmentEvent.Cancelled::new);
    }

    /** The person begins the course, once it has started. */
    public void start(Offering offering, Instant at) {
        require(Move.START);
        offering.requireStarted(at, "The course starts at " + offering.startsAt() + ".");
        move(Move.START, seat, at, EnrolmentEvent.Started::new);
    }

    /** The person pauses the course; any number of times, but not twice in a row. */
    public void pause(Instant at) {
        pausing(Move.PAUSE, true, "The course is paused already.", EnrolmentEvent.Paused::new, at);
    }

    /** The person resumes a paused course. */
    public void resume(Instant at) {
        pausing(Move.RESUME, false, "The course is not paused.", EnrolmentEvent.Resumed::new, at);
    }

    private void pausing(Move move, boolean pause, String refusal, Function<Facts, EnrolmentEvent> event, Instant at) {
        require(move);
        if (paused == pause) {
            throw new Conflict(refusal);
        }
        paused = pause;
        version++;
        events.add(event.apply(facts(at)));
    }

    /** Records the modules done and where to resume; an event per milestone first passed (see {@link Progress}). */
    public void recordProgress(int modulesCompleted, @Nullable String resumeAt, Course course, Instant at) {
        require(Move.RECORD_PROGRESS);
        if (paused) {
            throw new Conflict("The course is paused; resume it first.");
        }
        Integer count = course.modules().orElse(null);
        progress = progress.advancedTo(modulesCompleted, resumeAt, count);
        version++;
        if (count == null) {
            return;
        }
        int percent = modulesCompleted * 100 / count;
        for (Integer next = progress.nextMilestone(percent); next != null; next = progress.nextMilestone(percent)) {
            progress = progress.reached(next);
            version++;
            events.add(new EnrolmentEvent.ProgressRecorded(facts(at), modulesCompleted, count, percent, next));
        }
        if (modulesCompleted == count && course.completesByModules()) {
            completed(at);
        }
    }

    /** Attendance of a scheduled course, or completion of a self-paced one whose modules the catalog did not count. */
    public void recordCompletion(Course course, Instant at) {
        require(Move.RECORD_COMPLETION);
        if (course.completesByModules()) {
            throw new Conflict("A self-paced course completes when every module is done.");
        }
        completed(at);
    }

    private void completed(Instant at) {
        move(Move.RECORD_COMPLETION, seat, at, EnrolmentEvent.Completed::new);
    }

    /** A coordinator records that the person did not take part, once the course has started. */
    public void markNoShow(Offering offering, Instant at) {
        require(Move.MARK_NO_SHOW);
        offering.requireStarted(at, "The course has not started yet; it starts at " + offering.startsAt() + ".");
        move(Move.MARK_NO_SHOW, seat, at, EnrolmentEvent.NoShow::new);
    }

    /** The participant confirms a month's hours, while taking or after the course (see {@link TimeStatement}). */
    public TimeStatement confirmTimeStatement(
            YearMonth month,
            BigDecimal hours,
            BigDecimal paidWorkingTimeHours,
            @Nullable TimeStatement previous,
            Offering offering,
            YearMonth firstMonth,
            YearMonth currentMonth,
            Instant at) {
        require(Move.CONFIRM_TIME_STATEMENT);
        TimeStatement statement = TimeStatement.confirmed(
                month, hours, paidWorkingTimeHours, previous, offering, firstMonth, currentMonth, at);
        version++;
        events.add(new EnrolmentEvent.TimeStatementConfirmed(facts(at), statement));
        return statement;
    }

    /** The participant rates a completed course, 1 to 5, once, with an optional comment. */
    public void evaluate(int usefulness, @Nullable String comment, Instant at) {
        Evaluation given = new Evaluation(usefulness, comment);
        require(Move.EVALUATE);
        if (evaluation != null) {
            throw new Conflict("The course is evaluated already.");
        }
        evaluation = given;
        version++;
        events.add(new EnrolmentEvent.EvaluationSubmitted(facts(at), usefulness, given.comment() != null));
    }

    private void require(Move move) {
        if (!move.from().contains(state)) {
            throw new Conflict("An enrolment that is " + state.label() + " cannot be " + move.done() + ".");
        }
    }

    /** Makes {@code move} to its state holding {@code held}, as the next version (ending a pause), and records it. */
    private void move(Move move, @Nullable SeatHold held, Instant at, Function<Facts, EnrolmentEvent> event) {
        require(move);
        state = Objects.requireNonNull(move.to(), "A move that stays in its state");
        seat = held;
        declineReason = null;
        paused = false;
        version++;
        events.add(event.apply(facts(at)));
    }

    private Facts facts(Instant at) {
        return request.facts(version, state, at);
    }

    /** The events recorded since the enrolment was requested or restored, oldest first. */
    public List<EnrolmentEvent> events() {
        return List.copyOf(events);
    }

    /** The recorded events, oldest first, forgetting them: for the store that hands them on once. */
    public List<EnrolmentEvent> takeEvents() {
        List<EnrolmentEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    /** The enrolment as it is now, to store or show. */
    public StoredEnrolment stored() {
        return new StoredEnrolment(request, state, seat, declineReason, paused, progress, evaluation, version);
    }

    /** Who asked for a seat on which offering, and when. */
    public SeatRequest request() {
        return request;
    }

    public EnrolmentId id() {
        return request.id();
    }

    public OfferingId offeringId() {
        return request.offeringId();
    }

    public EnrolmentState state() {
        return state;
    }

    /** Where the seat the enrolment holds came from; null while it holds none. */
    public @Nullable SeatSource seat() {
        return seat == null ? null : seat.source();
    }

    public long version() {
        return version;
    }
}
