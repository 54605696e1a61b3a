package se.samlyft.enrolment.enrolment.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.EnrolmentState;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.enrolment.enrolment.RequestedBy;
import se.samlyft.enrolment.enrolment.SeatDesk;
import se.samlyft.enrolment.enrolment.SeatHold;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.enrolment.TimeStatement;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.person.Person;

/**
 * Replays the whole history of one offering (requests, decisions, withdrawals, the quotas' release, progress, time
 * statements and evaluations) in the one transaction that holds its seats, each move at the instant it is given and
 * through the aggregate's own rules and events. The caller's clock is the instants it passes; no permission is
 * checked, as for the service's own sweep.
 */
public final class ReplayingHistory {

    private final Seats seats;
    private final Enrolments enrolments;
    private final QuotaReleases quotaReleases;

    public ReplayingHistory(Seats seats, Enrolments enrolments, QuotaReleases quotaReleases) {
        this.seats = seats;
        this.enrolments = enrolments;
        this.quotaReleases = quotaReleases;
    }

    /** Where the release of an offering's quotas is noted as handled, as the sweep notes it. */
    @FunctionalInterface
    public interface QuotaReleases {

        void handled(UUID offeringId, Instant at);
    }

    /** Runs {@code work} on the offering's history, alone on its seats, in one transaction. */
    public <T> T ofOffering(UUID offeringId, Function<Replay, T> work) {
        return seats.atOffering(offeringId, desk -> work.apply(new Replay(desk)));
    }

    /**
     * One offering's history as it is replayed: the enrolments are known by their ids, and each keeps the state of
     * the last move this replay made on it (an enrolment promoted from the waiting list meanwhile shows as waiting
     * until {@link #reload} reads it again).
     */
    public final class Replay {

        private final SeatDesk desk;
        private final Map<UUID, Enrolment> known = new HashMap<>();

        private Replay(SeatDesk desk) {
            this.desk = desk;
        }

        /** A request for a seat, as at the desk; the state it ends in. */
        public EnrolmentState request(UUID id, Person person, RequestedBy requestedBy, Instant at) {
            return keep(desk.request(id, person, requestedBy, at));
        }

        public EnrolmentState approve(UUID id, Instant at) {
            return keep(desk.approve(id, at));
        }

        public EnrolmentState decline(UUID id, String reason, Instant at) {
            return keep(desk.decline(id, reason, at));
        }

        public EnrolmentState withdraw(UUID id, Instant at) {
            return keep(desk.withdraw(id, at));
        }

        /** The quotas are released as the service's sweep releases them, and the release is noted as handled. */
        public void releaseQuotas(Instant at) {
            desk.sweep(at);
            quotaReleases.handled(desk.offering().id(), at);
        }

        /** The ids of the enrolments on the offering's waiting list now. */
        public Set<UUID> waiting() {
            Set<UUID> waiting = new HashSet<>();
            for (Enrolment enrolment : enrolments.waitlist(desk.offering().id())) {
                waiting.add(enrolment.id().value());
            }
            return waiting;
        }

        /** Reads the enrolment again (after a promotion) and returns its state. */
        public EnrolmentState reload(UUID id) {
            return keep(enrolments.find(id).orElseThrow());
        }

        /** The state of the enrolment after this replay's last move on it, or null if it was never requested. */
        public @Nullable EnrolmentState state(UUID id) {
            Enrolment enrolment = known.get(id);
            return enrolment == null ? null : enrolment.state();
        }

        /** Until when the enrolment's held seat waits for its manager's decision, if it says. */
        public @Nullable Instant holdUntil(UUID id) {
            SeatHold seat = enrolment(id).stored().seat();
            return seat == null ? null : seat.until();
        }

        public void start(UUID id, Instant at) {
            move(id, enrolment -> enrolment.start(desk.offering(), at));
        }

        public void markNoShow(UUID id, Instant at) {
            move(id, enrolment -> enrolment.markNoShow(desk.offering(), at));
        }

        public void recordProgress(
                UUID id, int modulesCompleted, @Nullable String resumeAt, Course course, Instant at) {
            move(id, enrolment -> enrolment.recordProgress(modulesCompleted, resumeAt, course, at));
        }

        public void pause(UUID id, Instant at) {
            move(id, enrolment -> enrolment.pause(at));
        }

        public void resume(UUID id, Instant at) {
            move(id, enrolment -> enrolment.resume(at));
        }

        public void recordCompletion(UUID id, Course course, Instant at) {
            move(id, enrolment -> enrolment.recordCompletion(course, at));
        }

        public void evaluate(UUID id, int usefulness, @Nullable String comment, Instant at) {
            move(id, enrolment -> enrolment.evaluate(usefulness, comment, at));
        }

        /** Confirms the month's hours (correcting {@code previous}, if any) and stores the statement. */
        public TimeStatement confirmTimeStatement(
                UUID id,
                YearMonth month,
                BigDecimal hours,
                BigDecimal paidHours,
                @Nullable TimeStatement previous,
                YearMonth firstMonth,
                YearMonth currentMonth,
                Instant at) {
            Enrolment enrolment = enrolment(id);
            long stored = enrolment.version();
            TimeStatement confirmed = enrolment.confirmTimeStatement(
                    month, hours, paidHours, previous, desk.offering(), firstMonth, currentMonth, at);
            enrolments.update(enrolment, stored);
            enrolments.saveTimeStatement(enrolment, confirmed);
            return confirmed;
        }

        private void move(UUID id, Consumer<Enrolment> move) {
            Enrolment enrolment = enrolment(id);
            long stored = enrolment.version();
            move.accept(enrolment);
            enrolments.update(enrolment, stored);
        }

        private Enrolment enrolment(UUID id) {
            Enrolment enrolment = known.get(id);
            if (enrolment == null) {
                throw new IllegalStateException("No enrolment requested yet for " + id);
            }
            return enrolment;
        }

        private EnrolmentState keep(Enrolment enrolment) {
            known.put(enrolment.id().value(), enrolment);
            return enrolment.state();
        }
    }
}
