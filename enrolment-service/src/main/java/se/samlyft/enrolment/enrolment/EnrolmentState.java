package se.samlyft.enrolment.enrolment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where an enrolment is, from the request to its end, and the one table of which {@link Move} may leave which state.
 * {@link Enrolment} refuses a move from any other state.
 */
public enum EnrolmentState {
    REQUESTED,
    AWAITING_APPROVAL,
    CONFIRMED,
    WAITLISTED,
    IN_PROGRESS,
    COMPLETED,
    WITHDRAWN,
    DECLINED,
    CANCELLED,
    NO_SHOW;

    /** The states that still hold a place in the offering's life: one such enrolment per person and offering. */
    public static final Set<EnrolmentState> LIVE =
            EnumSet.of(REQUESTED, AWAITING_APPROVAL, CONFIRMED, WAITLISTED, IN_PROGRESS);

    /** The live states as an SQL list, for example {@code ('REQUESTED', 'CONFIRMED')}. */
    public static final String LIVE_SQL =
            LIVE.stream().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    /** Whether the enrolment still holds a place in the offering's life. */
    public boolean isLive() {
        return LIVE.contains(this);
    }

    /** The state as a sentence says it: {@code awaiting approval}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The moves of an enrolment, each with the states it may leave and the words of a refusal. */
    public enum Move {
        CONFIRM("confirmed", CONFIRMED, REQUESTED, WAITLISTED),
        HOLD_SEAT("held a seat for approval", AWAITING_APPROVAL, REQUESTED, WAITLISTED),
        WAITLIST("waitlisted", WAITLISTED, REQUESTED),
        APPROVE("approved", CONFIRMED, AWAITING_APPROVAL),
        DECLINE("declined", DECLINED, AWAITING_APPROVAL),
        EXPIRE_HOLD("expired", DECLINED, AWAITING_APPROVAL),
        WITHDRAW("withdrawn", WITHDRAWN, REQUESTED, AWAITING_APPROVAL, CONFIRMED, WAITLISTED, IN_PROGRESS),
        CANCEL("cancelled", CANCELLED, REQUESTED, AWAITING_APPROVAL, CONFIRMED, WAITLISTED, IN_PROGRESS),
        START("started", IN_PROGRESS, CONFIRMED),
        PAUSE("paused", null, IN_PROGRESS),
        RESUME("resumed", null, IN_PROGRESS),
        RECORD_PROGRESS("given progress", null, IN_PROGRESS),
        RECORD_COMPLETION("completed", COMPLETED, CONFIRMED, IN_PROGRESS),
        MARK_NO_SHOW("marked as no-show", NO_SHOW, CONFIRMED),
        CONFIRM_TIME_STATEMENT("given a time statement", null, IN_PROGRESS, COMPLETED),
        EVALUATE("evaluated", null, COMPLETED);

        private final String done;
        private final @Nullable EnrolmentState to;
        private final Set<EnrolmentState> from;

        Move(String done, @Nullable EnrolmentState to, EnrolmentState... from) {
            this.done = done;
            this.to = to;
            this.from = EnumSet.copyOf(Arrays.asList(from));
        }

        /** The state this move leads to; null for a move that stays in its state. */
        public @Nullable EnrolmentState to() {
            return to;
        }

        /** The states this move may leave. */
        public Set<EnrolmentState> from() {
            return EnumSet.copyOf(from);
        }

        /** How a refusal says the move: "cannot be {@code done}". */
        String done() {
            return done;
        }
    }
}
