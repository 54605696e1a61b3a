package se.samlyft.enrolment.enrolment;

import static se.samlyft.enrolment.enrolment.EnrolmentState.AWAITING_APPROVAL;
import static se.samlyft.enrolment.enrolment.EnrolmentState.CANCELLED;
import static se.samlyft.enrolment.enrolment.EnrolmentState.COMPLETED;
import static se.samlyft.enrolment.enrolment.EnrolmentState.CONFIRMED;
import static se.samlyft.enrolment.enrolment.EnrolmentState.DECLINED;
import static se.samlyft.enrolment.enrolment.EnrolmentState.IN_PROGRESS;
import static se.samlyft.enrolment.enrolment.EnrolmentState.NO_SHOW;
import static se.samlyft.enrolment.enrolment.EnrolmentState.REQUESTED;
import static se.samlyft.enrolment.enrolment.EnrolmentState.WAITLISTED;
import static se.samlyft.enrolment.enrolment.EnrolmentState.WITHDRAWN;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.person.Person;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * One person on one offering, from the request to its end. Every move is a method that refuses an illegal one with
 * a {@link Conflict} (or {@link InvalidInput} for a bad value), raises the version and records an
 * {@link EnrolmentEvent}; nothing changes otherwise. The seat itself is given and taken back by the
 * {@link SeatDesk}, which keeps the offering's seats.
 */
public final class Enrolment {

    /** The states that still hold a place in the offering's life: one such enrolment per person and offering. */
    public static final Set<EnrolmentState> LIVE =
            EnumSet.of(REQUESTED, AWAITING_APPROVAL, CONFIRMED, WAITLISTED, IN_PROGRESS);

    /** The states that hold a seat. */
    public static final Set<EnrolmentState> SEATED =
            EnumSet.of(AWAITING_APPROVAL, CONFIRMED, IN_PROGRESS, COMPLETED, NO_SHOW);

    private static final int[] MILESTONES = {25, 50, 75, 100};
    private static final int MAX_TEXT = 2000;

    private Stored stored;
    private final List<EnrolmentEvent> events = new ArrayList<>();

    /**
     * An enrolment as it is stored.
     *
     * @param arrival the order in which requests for seats reached the offering; the waiting list follows it
     * @param seat where the seat came from, while the enrolment holds one
     * @param holdUntil until when a seat is held for the manager's decision, while awaiting approval
     * @param milestone the highest progress milestone reached (0, 25, 50, 75, 100)
     * @param usefulness the evaluation's rating once given, 1 to 5
     */
    public record Stored(
            UUID id,
            UUID personId,
            TenantId organisation,
            UUID offeringId,
            UUID courseId,
            TenantId offeringOwner,
            @Nullable UUID programmeId,
            RequestedBy requestedBy,
            long arrival,
            EnrolmentState state,
            @Nullable SeatSource seat,
            @Nullable Instant holdUntil,
            @Nullable String declineReason,
            boolean paused,
            int modulesCompleted,
            @Nullable String resumeAt,
            int milestone,
            @Nullable Integer usefulness,
            @Nullable String comment,
            long version) {}

    private Enrolment(Stored stored) {
        this.stored = stored;
    }

    /** A new request for a seat, at version 1; the {@link SeatDesk} decides at once what becomes of it. */
    public static Enrolment request(
            UUID id, Person person, Offering offering, RequestedBy requestedBy, long arrival, Instant at) {
        Enrolment enrolment = new Enrolment(new Stored(
                id,
                person.id(),
                person.organisation(),
                offering.id(),
                offering.courseId(),
                offering.owner(),
                offering.programmeId(),
                requestedBy,
                arrival,
                REQUESTED,
                null,
                null,
                null,
                false,
                0,
                null,
                0,
                null,
                null,
                1));
        enrolment.events.add(new EnrolmentEvent.Requested(enrolment.facts(at), requestedBy));
        return enrolment;
    }

    /** An enrolment as it was stored, without recorded events. */
    public static Enrolment restore(Stored stored) {
        return new Enrolment(stored);
    }

    /** Holds {@code seat} for the manager's decision until {@code holdUntil}. */
    public void holdSeat(SeatSource seat, @Nullable UUID managerId, Instant holdUntil, Instant at) {
        require("held a seat for approval", REQUESTED, WAITLISTED);
        change(s -> with(s, AWAITING_APPROVAL, seat, holdUntil, null));
        events.add(new EnrolmentEvent.AwaitingApproval(facts(at), managerId, holdUntil));
    }

    /** Gives the person {@code seat}: no approval is needed. */
    public void confirm(SeatSource seat, Instant at) {
        require("confirmed", REQUESTED, WAITLISTED);
        change(s -> with(s, CONFIRMED, seat, null, null));
        events.add(new EnrolmentEvent.Confirmed(facts(at), seat));
    }

    /** Puts the request on the waiting list at {@code position}, as no seat is free for the person. */
    public void waitlist(int position, Instant at) {
        require("waitlisted", REQUESTED);
        if (position < 1) {
            throw new IllegalArgumentException("A place on the waiting list counts from 1");
        }
        change(s -> with(s, WAITLISTED, null, null, null));
        events.add(new EnrolmentEvent.Waitlisted(facts(at), position));
    }

    /** The manager approves: the held seat is the person's. */
    public void approve(Instant at) {
        require("approved", AWAITING_APPROVAL);
        SeatSource seat = seatHeld();
        change(s -> with(s, CONFIRMED, seat, null, null));
        events.add(new EnrolmentEvent.Confirmed(facts(at), seat));
    }

    /** The manager declines, for {@code reason}; the held seat is released. */
    public void decline(String reason, Instant at) {
        String given = reason == null ? "" : reason.strip();
        if (given.isEmpty()) {
            throw new InvalidInput("reason", "must be given when declining");
        }
        if (given.length() > MAX_TEXT) {
            throw new InvalidInput("reason", "must be at most " + MAX_TEXT + " characters");
        }
        require("declined", AWAITING_APPROVAL);
        declined(given, at);
    }

    /** The hold ran out without a decision: declined, and the seat released. */
    public void expireHold(Instant at) {
        require("expired", AWAITING_APPROVAL);
        Instant until = stored.holdUntil();
        if (until != null && at.isBefore(until)) {
            throw new Conflict("The seat is held for the manager's decision until " + until + ".");
        }
        declined("No decision by the manager before the seat's hold ran out at " + until + ".", at);
    }

    private void declined(String reason, Instant at) {
        change(s -> with(s, DECLINED, null, null, reason));
        events.add(new EnrolmentEvent.Declined(facts(at), reason));
    }

    /** The person (or a coordinator for them) withdraws; a seat they held is released. */
    public void withdraw(Instant at) {
        require("withdrawn", REQUESTED, AWAITING_APPROVAL, CONFIRMED, WAITLISTED, IN_PROGRESS);
        change(s -> with(s, WITHDRAWN, null, null, null));
        events.add(new EnrolmentEvent.Withdrawn(facts(at)));
    }

    /** The offering was cancelled: so is every live enrolment on it. */
    public void cancel(Instant at) {
        require("cancelled", REQUESTED, AWAITING_APPROVAL, CONFIRMED, WAITLISTED, IN_PROGRESS);
        change(s -> with(s, CANCELLED, null, null, null));
        events.add(new EnrolmentEvent.Cancelled(facts(at)));
    }

    /** The person begins the course, once it has started. */
    public void start(Offering offering, Instant at) {
        require("started", CONFIRMED);
        if (at.isBefore(offering.startsAt())) {
            throw new Conflict("The course starts at " + offering.startsAt() + ".");
        }
        change(s -> with(s, IN_PROGRESS, s.seat(), null, null));
        events.add(new EnrolmentEvent.Started(facts(at)));
    }

    /** The person pauses the course; any number of times, but not twice in a row. */
    public void pause(Instant at) {
        require("paused", IN_PROGRESS);
        if (stored.paused()) {
            throw new Conflict("The course is paused already.");
        }
        change(s -> withPaused(s, true));
        events.add(new EnrolmentEvent.Paused(facts(at)));
    }

    /** The person resumes a paused course. */
    public void resume(Instant at) {
        require("resumed", IN_PROGRESS);
        if (!stored.paused()) {
            throw new Conflict("The course is not paused.");
        }
        change(s -> withPaused(s, false));
        events.add(new EnrolmentEvent.Resumed(facts(at)));
    }

    /**
     * Records the modules done and where to resume. An event is recorded only when a milestone (25, 50, 75, 100 per
     * cent of the course's modules) is passed for the first time; when a self-paced course's last module is done the
     * enrolment is completed.
     */
    public void recordProgress(int modulesCompleted, @Nullable String resumeAt, Course course, Instant at) {
        require("given progress", IN_PROGRESS);
        if (stored.paused()) {
            throw new Conflict("The course is paused; resume it first.");
        }
        if (modulesCompleted < 0) {
            throw new InvalidInput("modulesCompleted", "must not be negative");
        }
        if (modulesCompleted < stored.modulesCompleted()) {
            throw new InvalidInput(
                    "modulesCompleted", "must not be fewer than the " + stored.modulesCompleted() + " already done");
        }
        Integer count = course.modules().orElse(null);
        if (count != null && modulesCompleted > count) {
            throw new InvalidInput("modulesCompleted", "must not exceed the course's " + count + " modules");
        }
        if (resumeAt != null && resumeAt.length() > 200) {
            throw new InvalidInput("resumeAt", "must be at most 200 characters");
        }
        Stored before = stored;
        stored = revised(
                before,
                before.state(),
                before.seat(),
                before.holdUntil(),
                before.declineReason(),
                before.paused(),
                modulesCompleted,
                resumeAt,
                before.milestone(),
                before.usefulness(),
                before.comment(),
                before.version() + 1);
        if (count == null) {
            return;
        }
        int percent = modulesCompleted * 100 / count;
        for (int milestone : MILESTONES) {
            if (percent >= milestone && stored.milestone() < milestone) {
                change(s -> withMilestone(s, milestone));
                events.add(new EnrolmentEvent.ProgressRecorded(facts(at), modulesCompleted, count, percent, milestone));
            }
        }
        if (modulesCompleted == count && course.completesByModules()) {
            completed(at);
        }
    }

    /**
     * A coordinator records that the person completed the course: attendance for a scheduled course, or completion
     * of a self-paced course whose number of modules the catalog did not send. A self-paced course with known modules
     * completes by its modules only.
     */
    public void recordCompletion(Course course, Instant at) {
        require("completed", CONFIRMED, IN_PROGRESS);
        if (course.completesByModules()) {
            throw new Conflict("A self-paced course completes when every module is done.");
        }
        completed(at);
    }

    private void completed(Instant at) {
        change(s -> with(s, COMPLETED, s.seat(), null, null));
        events.add(new EnrolmentEvent.Completed(facts(at)));
    }

    /** A coordinator records that the person did not take part, once the course has started. */
    public void markNoShow(Offering offering, Instant at) {
        require("marked as no-show", CONFIRMED);
        if (at.isBefore(offering.startsAt())) {
            throw new Conflict("The course has not started yet; it starts at " + offering.startsAt() + ".");
        }
        change(s -> with(s, NO_SHOW, s.seat(), null, null));
        events.add(new EnrolmentEvent.NoShow(facts(at)));
    }

    /**
     * The participant confirms the hours of {@code month}; a month confirmed before gets the next revision. Only
     * while taking or after completing the course, for a month from the course's start to {@code currentMonth}, and
     * hours on paid working time only for an offering on paid working time.
     *
     * @param previous the month's statement confirmed before, if any
     */
    public TimeStatement confirmTimeStatement(
            YearMonth month,
            BigDecimal hours,
            BigDecimal paidWorkingTimeHours,
            @Nullable TimeStatement previous,
            Offering offering,
            YearMonth firstMonth,
            YearMonth currentMonth,
            Instant at) {
        require("given a time statement", IN_PROGRESS, COMPLETED);
        if (month.isAfter(currentMonth)) {
            throw new InvalidInput("month", "must not be in the future");
        }
        if (month.isBefore(firstMonth)) {
            throw new InvalidInput("month", "must not be before the course started (" + firstMonth + ")");
        }
        if (!offering.paidWorkingTime() && paidWorkingTimeHours.signum() > 0) {
            throw new InvalidInput("paidWorkingTimeHours", "must be 0: the offering is not on paid working time");
        }
        TimeStatement statement = new TimeStatement(
                month, hours, paidWorkingTimeHours, previous == null ? 1 : previous.revision() + 1, at);
        if (previous != null && previous.sameHoursAs(statement)) {
            throw new Conflict("The statement for " + month + " is confirmed already with these hours.");
        }
        change(s -> s);
        events.add(new EnrolmentEvent.TimeStatementConfirmed(facts(at), statement));
        return statement;
    }

    /** The participant rates a completed course, 1 to 5, once, with an optional comment. */
    public void evaluate(int usefulness, @Nullable String comment, Instant at) {
        if (usefulness < 1 || usefulness > 5) {
            throw new InvalidInput("usefulness", "must be from 1 to 5");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInput("comment", "must be at most " + MAX_TEXT + " characters");
        }
        require("evaluated", COMPLETED);
        if (stored.usefulness() != null) {
            throw new Conflict("The course is evaluated already.");
        }
        Stored before = stored;
        stored = revised(
                before,
                before.state(),
                before.seat(),
                before.holdUntil(),
                before.declineReason(),
                before.paused(),
                before.modulesCompleted(),
                before.resumeAt(),
                before.milestone(),
                usefulness,
                text,
                before.version() + 1);
        events.add(new EnrolmentEvent.EvaluationSubmitted(facts(at), usefulness, text != null));
    }

    /** The whole-number percentage of the course's modules done, when the course says how many it has. */
    public @Nullable Integer percentOf(Course course) {
        return course.modules()
                .map(count -> stored.modulesCompleted() * 100 / count)
                .orElse(null);
    }

    private void require(String move, EnrolmentState... from) {
        for (EnrolmentState state : from) {
            if (stored.state() == state) {
                return;
            }
        }
        throw new Conflict("An enrolment that is " + describe(stored.state()) + " cannot be " + move + ".");
    }

    private static String describe(EnrolmentState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private SeatSource seatHeld() {
        SeatSource seat = stored.seat();
        if (seat == null) {
            throw new IllegalStateException("An enrolment awaiting approval holds a seat");
        }
        return seat;
    }

    /** Applies a change of state, pause or milestone, as the next version. */
    private void change(UnaryOperator<Stored> next) {
        Stored changed = next.apply(stored);
        stored = revised(
                changed,
                changed.state(),
                changed.seat(),
                changed.holdUntil(),
                changed.declineReason(),
                changed.paused(),
                changed.modulesCompleted(),
                changed.resumeAt(),
                changed.milestone(),
                changed.usefulness(),
                changed.comment(),
                stored.version() + 1);
    }

    /** A move to another state, which also ends a pause. */
    private static Stored with(
            Stored s,
            EnrolmentState state,
            @Nullable SeatSource seat,
            @Nullable Instant holdUntil,
            @Nullable String reason) {
        return revised(
                s,
                state,
                seat,
                holdUntil,
                reason,
                false,
                s.modulesCompleted(),
                s.resumeAt(),
                s.milestone(),
                s.usefulness(),
                s.comment(),
                s.version());
    }

    private static Stored withPaused(Stored s, boolean paused) {
        return revised(
                s,
                s.state(),
                s.seat(),
                s.holdUntil(),
                s.declineReason(),
                paused,
                s.modulesCompleted(),
                s.resumeAt(),
                s.milestone(),
                s.usefulness(),
                s.comment(),
                s.version());
    }

    private static Stored withMilestone(Stored s, int milestone) {
        return revised(
                s,
                s.state(),
                s.seat(),
                s.holdUntil(),
                s.declineReason(),
                s.paused(),
                s.modulesCompleted(),
                s.resumeAt(),
                milestone,
                s.usefulness(),
                s.comment(),
                s.version());
    }

    /** The enrolment {@code s} with everything that may change given anew; who, what and when stay as they are. */
    private static Stored revised(
            Stored s,
            EnrolmentState state,
            @Nullable SeatSource seat,
            @Nullable Instant holdUntil,
            @Nullable String declineReason,
            boolean paused,
            int modulesCompleted,
            @Nullable String resumeAt,
            int milestone,
            @Nullable Integer usefulness,
            @Nullable String comment,
            long version) {
        return new Stored(
                s.id(),
                s.personId(),
                s.organisation(),
                s.offeringId(),
                s.courseId(),
                s.offeringOwner(),
                s.programmeId(),
                s.requestedBy(),
                s.arrival(),
                state,
                seat,
                holdUntil,
                declineReason,
                paused,
                modulesCompleted,
                resumeAt,
                milestone,
                usefulness,
                comment,
                version);
    }

    private EnrolmentEvent.Facts facts(Instant at) {
        return new EnrolmentEvent.Facts(
                stored.id(),
                stored.version(),
                stored.personId(),
                stored.organisation(),
                stored.offeringId(),
                stored.courseId(),
                stored.offeringOwner(),
                stored.programmeId(),
                stored.state(),
                at);
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
    public Stored stored() {
        return stored;
    }

    public UUID id() {
        return stored.id();
    }

    public UUID personId() {
        return stored.personId();
    }

    public TenantId organisation() {
        return stored.organisation();
    }

    public UUID offeringId() {
        return stored.offeringId();
    }

    public EnrolmentState state() {
        return stored.state();
    }

    public @Nullable SeatSource seat() {
        return stored.seat();
    }

    public long arrival() {
        return stored.arrival();
    }

    public long version() {
        return stored.version();
    }

    public boolean isLive() {
        return LIVE.contains(stored.state());
    }
}
