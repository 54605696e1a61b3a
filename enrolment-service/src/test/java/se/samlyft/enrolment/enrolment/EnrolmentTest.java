package se.samlyft.enrolment.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.ARVIDSJAUR;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.DURING_ENROLMENT;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.STARTS;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.awaitingApproval;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.classroom;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.completed;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.confirmed;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.inProgress;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.jointOffering;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.offering;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.requested;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.selfPaced;
import static se.samlyft.enrolment.enrolment.EnrolmentFixture.waitlisted;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;

class EnrolmentTest {

    private static final Instant LATER = STARTS.plus(Duration.ofDays(3));
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Test
    void aRequestStartsAtVersionOneAndSaysWhoAsked() {
        Enrolment enrolment = Enrolment.request(
                EnrolmentId.of(UUID.randomUUID()),
                EnrolmentFixture.person(ARVIDSJAUR),
                jointOffering(),
                RequestedBy.COORDINATOR,
                7,
                DURING_ENROLMENT);

        assertThat(enrolment.state()).isEqualTo(EnrolmentState.REQUESTED);
        assertThat(enrolment.version()).isEqualTo(1);
        assertThat(enrolment.request().arrival()).isEqualTo(7);
        assertThat(enrolment.events()).singleElement().isInstanceOfSatisfying(EnrolmentEvent.Requested.class, e -> {
            assertThat(e.requestedBy()).isEqualTo(RequestedBy.COORDINATOR);
            assertThat(e.facts().offeringOwner().value()).isEqualTo("akademi-norr");
            assertThat(e.facts().programmeId()).isEqualTo(jointOffering().programmeId());
            assertThat(e.facts().version()).isEqualTo(1);
        });
    }

    @Test
    void confirmingGivesTheSeatAndRaisesTheVersion() {
        Enrolment enrolment = requested(ARVIDSJAUR);

        enrolment.confirm(SeatSource.QUOTA, DURING_ENROLMENT);

        assertThat(enrolment.state()).isEqualTo(EnrolmentState.CONFIRMED);
        assertThat(enrolment.seat()).isEqualTo(SeatSource.QUOTA);
        assertThat(enrolment.events()).singleElement().isInstanceOfSatisfying(EnrolmentEvent.Confirmed.class, e -> {
            assertThat(e.seatSource()).isEqualTo(SeatSource.QUOTA);
            assertThat(e.facts().version()).isEqualTo(2);
            assertThat(e.facts().state()).isEqualTo(EnrolmentState.CONFIRMED);
        });
    }

    @Test
    void aWaitlistedRequestHoldsNoSeatAndKnowsItsPlace() {
        Enrolment enrolment = requested(ARVIDSJAUR);

        enrolment.waitlist(12, DURING_ENROLMENT);

        assertThat(enrolment.state()).isEqualTo(EnrolmentState.WAITLISTED);
        assertThat(enrolment.seat()).isNull();
        assertThat(enrolment.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        EnrolmentEvent.Waitlisted.class,
                        e -> assertThat(e.position()).isEqualTo(12));
    }

    @Test
    void aWaitlistedPersonIsPromotedToAConfirmedSeat() {
        Enrolment enrolment = waitlisted();

        enrolment.confirm(SeatSource.POOL, DURING_ENROLMENT);

        assertThat(enrolment.state()).isEqualTo(EnrolmentState.CONFIRMED);
        assertThat(enrolment.seat()).isEqualTo(SeatSource.POOL);
    }

    @Test
    void aSeatIsHeldForTheManagersDecisionUntilTheHoldRunsOut() {
        Enrolment enrolment = requested(ARVIDSJAUR);
        UUID manager = UUID.randomUUID();
        Instant holdUntil = jointOffering().holdUntil(DURING_ENROLMENT);

        enrolment.holdSeat(SeatSource.QUOTA, manager, holdUntil, DURING_ENROLMENT);

        assertThat(holdUntil).isEqualTo(DURING_ENROLMENT.plus(Duration.ofDays(7)));
        assertThat(enrolment.state()).isEqualTo(EnrolmentState.AWAITING_APPROVAL);
        assertThat(enrolment.seat()).isEqualTo(SeatSource.QUOTA);
        assertThat(enrolment.events())
                .singleElement()
                .isInstanceOfSatisfying(EnrolmentEvent.AwaitingApproval.class, e -> {
                    assertThat(e.managerId()).isEqualTo(manager);
                    assertThat(e.holdUntil()).isEqualTo(holdUntil);
                });
    }

    @Test
    void theHoldNeverOutlastsTheStartOfTheCourse() {
        Instant fourDaysBefore = STARTS.minus(Duration.ofDays(4));

        assertThat(jointOffering().holdUntil(fourDaysBefore)).isEqualTo(STARTS);
    }

    @Test
    void approvalConfirmsTheHeldSeat() {
        Enrolment enrolment = awaitingApproval();

        enrolment.approve(DURING_ENROLMENT);

        assertThat(enrolment.state()).isEqualTo(EnrolmentState.CONFIRMED);
        assertThat(enrolment.seat()).isEqualTo(SeatSource.POOL);
        assertThat(enrolment.events()).singleElement().isInstanceOf(EnrolmentEvent.Confirmed.class);
    }

    @Test
    void declineReleasesTheSeatWithTheManagersReason() {
        Enrolment enrolment = awaitingApproval();

        enrolment.decline("  Bemanningen räcker inte i vecka 36. ", DURING_ENROLMENT);

        assertThat(enrolment.state()).isEqualTo(EnrolmentState.DECLINED);
        assertThat(enrolment.seat()).isNull();
        assertThat(enrolment.stored().declineReason()).isEqualTo("Bemanningen räcker inte i vecka 36.");
        assertThat(enrolment.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        EnrolmentEvent.Declined.class,
                        e -> assertThat(e.reason()).isEqualTo("Bemanningen räcker inte i vecka 36."));
    }

    @Test
    void declineWithoutAReasonIsRefused() {
        Enrolment enrolment = awaitingApproval();

        assertThatThrownBy(() -> enrolment.decline(" ", DURING_ENROLMENT))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).contains("reason"));
        assertThat(enrolment.state()).isEqualTo(EnrolmentState.AWAITING_APPROVAL);
    }

    @Test
    void aHoldExpiresOnlyOnceItHasRunOutAndThenDeclines() {
        Enrolment enrolment = awaitingApproval();
        Instant holdUntil = enrolment.stored().seat().until();

        assertThatThrownBy(() -> enrolment.expireHold(holdUntil.minusSeconds(1)))
                .isInstanceOf(Conflict.class);
        enrolment.expireHold(holdUntil);

        assertThat(enrolment.state()).isEqualTo(EnrolmentState.DECLINED);
        assertThat(enrolment.seat()).isNull();
        assertThat(enrolment.stored().declineReason()).contains("No decision by the manager");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("liveEnrolments")
    void aLiveEnrolmentCanBeWithdrawnAndReleasesItsSeat(String state, Supplier<Enrolment> live) {
        Enrolment enrolment = live.get();

        enrolment.withdraw(LATER);

        assertThat(enrolment.state()).isEqualTo(EnrolmentState.WITHDRAWN);
        assertThat(enrolment.seat()).isNull();
        assertThat(enrolment.events()).singleElement().isInstanceOf(EnrolmentEvent.Withdrawn.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("liveEnrolments")
    void aCancelledOfferingCancelsEveryLiveEnrolment(String state, Supplier<Enrolment> live) {
        Enrolment enrolment = live.get();

        enrolment.cancel(LATER);

        assertThat(enrolment.state()).isEqualTo(EnrolmentState.CANCELLED);
        assertThat(enrolment.seat()).isNull();
        assertThat(enrolment.events()).singleElement().isInstanceOf(EnrolmentEvent.Cancelled.class);
    }

    static Stream<Arguments> liveEnrolments() {
        return Stream.of(
                Arguments.of("requested", (Supplier<Enrolment>) () -> requested(ARVIDSJAUR)),
                Arguments.of("awaiting approval", (Supplier<Enrolment>) EnrolmentFixture::awaitingApproval),
                Arguments.of("confirmed", (Supplier<Enrolment>) EnrolmentFixture::confirmed),
                Arguments.of("waitlisted", (Supplier<Enrolment>) EnrolmentFixture::waitlisted),
                Arguments.of("in progress", (Supplier<Enrolment>) EnrolmentFixture::inProgress));
    }

    @Test
    void theCourseStartsOnlyOnceTheOfferingHasStarted() {
        Enrolment enrolment = confirmed();

        assertThatThrownBy(() -> enrolment.start(jointOffering(), STARTS.minusSeconds(60)))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("starts at");
        enrolment.start(jointOffering(), STARTS);

        assertThat(enrolment.state()).isEqualTo(EnrolmentState.IN_PROGRESS);
        assertThat(enrolment.seat()).isEqualTo(SeatSource.QUOTA);
        assertThat(enrolment.events()).singleElement().isInstanceOf(EnrolmentEvent.Started.class);
    }

    @Test
    void pausingAndResumingAnyNumberOfTimesKeepsTheCourseInProgress() {
        Enrolment enrolment = inProgress();

        for (int i = 0; i < 3; i++) {
            enrolment.pause(LATER);
            enrolment.resume(LATER);
        }

        assertThat(enrolment.state()).isEqualTo(EnrolmentState.IN_PROGRESS);
        assertThat(enrolment.stored().paused()).isFalse();
        assertThat(enrolment.events())
                .hasSize(6)
                .allSatisfy(e -> assertThat(e.facts().state()).isEqualTo(EnrolmentState.IN_PROGRESS));
        assertThat(enrolment.events().get(0)).isInstanceOf(EnrolmentEvent.Paused.class);
        assertThat(enrolment.events().get(1)).isInstanceOf(EnrolmentEvent.Resumed.class);
    }

    @Test
    void pausingTwiceOrResumingWhatIsNotPausedIsRefused() {
        Enrolment enrolment = inProgress();

        assertThatThrownBy(() -> enrolment.resume(LATER)).isInstanceOf(Conflict.class);
        enrolment.pause(LATER);
        assertThatThrownBy(() -> enrolment.pause(LATER)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> enrolment.recordProgress(1, null, selfPaced(4), LATER))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("paused");
    }

    @Test
    void progressRecordsAnEventOnlyWhenAMilestoneIsFirstPassed() {
        Enrolment enrolment = inProgress();
        Course course = selfPaced(8);

        enrolment.recordProgress(1, "modul-2/sida-1", course, LATER);
        assertThat(enrolment.events()).isEmpty();
        enrolment.recordProgress(2, "modul-3/sida-1", course, LATER);
        enrolment.recordProgress(2, "modul-3/sida-4", course, LATER);
        enrolment.recordProgress(6, "modul-7/sida-1", course, LATER);

        assertThat(enrolment.events())
                .extracting(e -> ((EnrolmentEvent.ProgressRecorded) e).milestone())
                .containsExactly(25, 50, 75);
        assertThat(enrolment.events().get(2)).isInstanceOfSatisfying(EnrolmentEvent.ProgressRecorded.class, e -> {
            assertThat(e.modulesCompleted()).isEqualTo(6);
            assertThat(e.moduleCount()).isEqualTo(8);
            assertThat(e.percent()).isEqualTo(75);
        });
        assertThat(enrolment.stored().progress().resumeAt()).isEqualTo("modul-7/sida-1");
        assertThat(enrolment.stored().progress().percentOf(course)).isEqualTo(75);
        assertThat(enrolment.state()).isEqualTo(EnrolmentState.IN_PROGRESS);
    }

    @Test
    void aSelfPacedCourseCompletesWhenEveryModuleIsDone() {
        Enrolment enrolment = inProgress();

        enrolment.recordProgress(4, null, selfPaced(4), LATER);

        assertThat(enrolment.state()).isEqualTo(EnrolmentState.COMPLETED);
        assertThat(enrolment.events())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "ProgressRecorded", "ProgressRecorded", "ProgressRecorded", "ProgressRecorded", "Completed");
        assertThat(enrolment.events())
                .extracting(e -> e.facts().version())
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void progressCannotGoBackOrPassTheModulesOfTheCourse() {
        Enrolment enrolment = inProgress();
        enrolment.recordProgress(2, null, selfPaced(4), LATER);

        assertThatThrownBy(() -> enrolment.recordProgress(1, null, selfPaced(4), LATER))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).contains("modulesCompleted"));
        assertThatThrownBy(() -> enrolment.recordProgress(5, null, selfPaced(4), LATER))
                .isInstanceOf(InvalidInput.class);
        assertThat(enrolment.stored().progress().modulesCompleted()).isEqualTo(2);
    }

    @Test
    void withoutAModuleCountProgressIsKeptButNeitherMilestonesNorCompletionFollow() {
        Enrolment enrolment = inProgress();
        Course uncounted =
                new Course(selfPaced(1).id(), selfPaced(1).owner(), selfPaced(1).format(), null, 1);

        enrolment.recordProgress(9, "slutet", uncounted, LATER);

        assertThat(enrolment.events()).isEmpty();
        assertThat(enrolment.state()).isEqualTo(EnrolmentState.IN_PROGRESS);
        assertThat(enrolment.stored().progress().modulesCompleted()).isEqualTo(9);
        assertThat(enrolment.stored().progress().percentOf(uncounted)).isNull();

        enrolment.recordCompletion(uncounted, LATER);
        assertThat(enrolment.state()).isEqualTo(EnrolmentState.COMPLETED);
    }

    @Test
    void attendanceCompletesAScheduledCourseButNotASelfPacedOneWithCountedModules() {
        Enrolment scheduled = confirmed();
        Enrolment selfPaced = inProgress();

        scheduled.recordCompletion(classroom(), LATER);

        assertThat(scheduled.state()).isEqualTo(EnrolmentState.COMPLETED);
        assertThat(scheduled.seat()).isEqualTo(SeatSource.QUOTA);
        assertThatThrownBy(() -> selfPaced.recordCompletion(selfPaced(4), LATER))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("every module");
    }

    @Test
    void aNoShowIsRecordedOnlyAfterTheStart() {
        Enrolment enrolment = confirmed();

        assertThatThrownBy(() -> enrolment.markNoShow(jointOffering(), DURING_ENROLMENT))
                .isInstanceOf(Conflict.class);
        enrolment.markNoShow(jointOffering(), LATER);

        assertThat(enrolment.state()).isEqualTo(EnrolmentState.NO_SHOW);
        assertThat(enrolment.events()).singleElement().isInstanceOf(EnrolmentEvent.NoShow.class);
    }

    @Test
    void aMonthsHoursAreConfirmedAndACorrectionIsTheNextRevision() {
        Enrolment enrolment = inProgress();
        Offering offering = jointOffering();

        TimeStatement first = statement(enrolment, SEPTEMBER, "12.5", "8", null, offering);
        TimeStatement correction = statement(enrolment, SEPTEMBER, "14", "8", first, offering);

        assertThat(first.revision()).isEqualTo(1);
        assertThat(correction.revision()).isEqualTo(2);
        assertThat(enrolment.events())
                .extracting(e ->
                        ((EnrolmentEvent.TimeStatementConfirmed) e).statement().hours())
                .containsExactly(new BigDecimal("12.5"), new BigDecimal("14"));
        assertThatThrownBy(() -> statement(enrolment, SEPTEMBER, "14", "8", correction, offering))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void aTimeStatementIsRefusedForTheFutureBeforeTheStartOrWithImpossibleHours() {
        Enrolment enrolment = inProgress();
        Offering offering = jointOffering();
        Offering unpaid = offering(4, Map.of(), 4, false);
        Offering notPaid = new Offering(
                unpaid.id(),
                unpaid.courseId(),
                unpaid.owner(),
                null,
                unpaid.enrolmentOpensAt(),
                unpaid.enrolmentClosesAt(),
                unpaid.startsAt(),
                unpaid.endsAt(),
                4,
                Map.of(),
                4,
                null,
                unpaid.audience(),
                false,
                false,
                false,
                1);

        assertThatThrownBy(() -> statement(enrolment, OCTOBER, "1", "0", null, offering))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).contains("month"));
        assertThatThrownBy(() -> statement(enrolment, YearMonth.of(2026, 8), "1", "0", null, offering))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).contains("month"));
        assertThatThrownBy(() -> statement(enrolment, SEPTEMBER, "5", "6", null, offering))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).contains("paidWorkingTimeHours"));
        assertThatThrownBy(() -> statement(enrolment, SEPTEMBER, "745", "0", null, offering))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).contains("hours"));
        assertThatThrownBy(() -> statement(enrolment, SEPTEMBER, "5", "1", null, notPaid))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).contains("paidWorkingTimeHours"));
        assertThatThrownBy(() -> statement(confirmed(), SEPTEMBER, "5", "0", null, offering))
                .isInstanceOf(Conflict.class);
        assertThat(enrolment.events()).isEmpty();
    }

    @Test
    void aCompletedCourseIsEvaluatedOnceWithAnOptionalComment() {
        Enrolment enrolment = completed();

        enrolment.evaluate(5, "Mycket användbart i hemtjänsten – tack!", LATER);

        assertThat(enrolment.stored().evaluation().usefulness()).isEqualTo(5);
        assertThat(enrolment.stored().evaluation().comment()).isEqualTo("Mycket användbart i hemtjänsten – tack!");
        assertThat(enrolment.events())
                .singleElement()
                .isInstanceOfSatisfying(EnrolmentEvent.EvaluationSubmitted.class, e -> {
                    assertThat(e.usefulness()).isEqualTo(5);
                    assertThat(e.commented()).isTrue();
                });
        assertThatThrownBy(() -> enrolment.evaluate(4, null, LATER))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("evaluated already");
    }

    @Test
    void anEvaluationIsRefusedBeforeCompletionOrOutsideOneToFive() {
        assertThatThrownBy(() -> inProgress().evaluate(4, null, LATER)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> completed().evaluate(0, null, LATER))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).contains("usefulness"));
        assertThatThrownBy(() -> completed().evaluate(6, null, LATER)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> completed().evaluate(3, "å".repeat(2001), LATER))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).contains("comment"));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("illegalMoves")
    void anIllegalMoveIsRefusedAndChangesNothing(String move, String state, Consumer<Enrolment> attempt) {
        Enrolment enrolment = enrolmentIn(state);
        StoredEnrolment before = enrolment.stored();

        assertThatThrownBy(() -> attempt.accept(enrolment)).isInstanceOf(Conflict.class);
        assertThat(enrolment.stored()).isEqualTo(before);
        assertThat(enrolment.events()).isEmpty();
    }

    /**
     * Every move from every state its table entry on {@link EnrolmentState.Move} does not list; and resuming a course
     * in progress that is not paused, the one refusal inside an allowed state that leaves the state's table alone.
     */
    static Stream<Arguments> illegalMoves() {
        Map<EnrolmentState.Move, Consumer<Enrolment>> moves = new EnumMap<>(EnrolmentState.Move.class);
        moves.put(EnrolmentState.Move.CONFIRM, e -> e.confirm(SeatSource.POOL, LATER));
        moves.put(EnrolmentState.Move.HOLD_SEAT, e -> e.holdSeat(SeatSource.POOL, null, LATER, LATER));
        moves.put(EnrolmentState.Move.WAITLIST, e -> e.waitlist(1, LATER));
        moves.put(EnrolmentState.Move.APPROVE, e -> e.approve(LATER));
        moves.put(EnrolmentState.Move.DECLINE, e -> e.decline("Nej", LATER));
        moves.put(EnrolmentState.Move.EXPIRE_HOLD, e -> e.expireHold(LATER.plus(Duration.ofDays(30))));
        moves.put(EnrolmentState.Move.WITHDRAW, e -> e.withdraw(LATER));
        moves.put(EnrolmentState.Move.CANCEL, e -> e.cancel(LATER));
        moves.put(EnrolmentState.Move.START, e -> e.start(jointOffering(), LATER));
        moves.put(EnrolmentState.Move.PAUSE, e -> e.pause(LATER));
        moves.put(EnrolmentState.Move.RESUME, e -> e.resume(LATER));
        moves.put(EnrolmentState.Move.RECORD_PROGRESS, e -> e.recordProgress(1, null, selfPaced(4), LATER));
        moves.put(EnrolmentState.Move.RECORD_COMPLETION, e -> e.recordCompletion(classroom(), LATER));
        moves.put(EnrolmentState.Move.MARK_NO_SHOW, e -> e.markNoShow(jointOffering(), LATER));
        moves.put(
                EnrolmentState.Move.CONFIRM_TIME_STATEMENT,
                e -> statement(e, SEPTEMBER, "4", "0", null, jointOffering()));
        moves.put(EnrolmentState.Move.EVALUATE, e -> e.evaluate(3, null, LATER));
        assertThat(moves.keySet()).as("every move is tried").containsExactlyInAnyOrder(EnrolmentState.Move.values());
        Stream<Arguments> fromTheTable = moves.entrySet().stream()
                .flatMap(move -> Arrays.stream(EnrolmentState.values())
                        .filter(state -> !move.getKey().from().contains(state))
                        .map(state -> Arguments.of(move.getKey().name(), state.label(), move.getValue())));
        Stream<Arguments> withinAState =
                Stream.of(Arguments.of("RESUME", "in progress", (Consumer<Enrolment>) e -> e.resume(LATER)));
        return Stream.concat(fromTheTable, withinAState);
    }

    @Test
    void theTableOfMovesLeavesNoMoveFromAnEndedEnrolmentButItsTimeStatementsAndEvaluation() {
        assertThat(EnrolmentState.Move.CANCEL.from()).isEqualTo(EnrolmentState.LIVE);
        assertThat(EnrolmentState.Move.WITHDRAW.from()).isEqualTo(EnrolmentState.LIVE);
        assertThat(Arrays.stream(EnrolmentState.Move.values())
                        .filter(move -> move.from().contains(EnrolmentState.COMPLETED)))
                .containsExactlyInAnyOrder(EnrolmentState.Move.CONFIRM_TIME_STATEMENT, EnrolmentState.Move.EVALUATE);
        assertThat(Arrays.stream(EnrolmentState.Move.values())
                        .filter(move -> move.from().stream()
                                .anyMatch(state -> Set.of(
                                                EnrolmentState.WITHDRAWN,
                                                EnrolmentState.DECLINED,
                                                EnrolmentState.CANCELLED,
                                                EnrolmentState.NO_SHOW)
                                        .contains(state))))
                .isEmpty();
        assertThat(EnrolmentState.LIVE_SQL)
                .isEqualTo("('REQUESTED', 'AWAITING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'IN_PROGRESS')");
    }

    private static Enrolment enrolmentIn(String state) {
        return switch (state) {
            case "requested" -> requested(ARVIDSJAUR);
            case "awaiting approval" -> awaitingApproval();
            case "confirmed" -> confirmed();
            case "waitlisted" -> waitlisted();
            case "in progress" -> inProgress();
            case "completed" -> completed();
            case "withdrawn" -> {
                Enrolment e = confirmed();
                e.withdraw(LATER);
                e.takeEvents();
                yield e;
            }
            case "declined" -> {
                Enrolment e = awaitingApproval();
                e.decline("Inte nu", LATER);
                e.takeEvents();
                yield e;
            }
            case "cancelled" -> {
                Enrolment e = confirmed();
                e.cancel(LATER);
                e.takeEvents();
                yield e;
            }
            case "no show" -> {
                Enrolment e = confirmed();
                e.markNoShow(jointOffering(), LATER);
                e.takeEvents();
                yield e;
            }
            default -> throw new IllegalArgumentException(state);
        };
    }

    private static TimeStatement statement(
            Enrolment enrolment,
            YearMonth month,
            String hours,
            String paid,
            TimeStatement previous,
            Offering offering) {
        return enrolment.confirmTimeStatement(
                month, new BigDecimal(hours), new BigDecimal(paid), previous, offering, SEPTEMBER, SEPTEMBER, LATER);
    }
}
