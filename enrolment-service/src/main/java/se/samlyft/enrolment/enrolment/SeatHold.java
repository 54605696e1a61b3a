package se.samlyft.enrolment.enrolment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The seat an enrolment holds: where it came from, and while the manager decides, until when it is held.
 *
 * @param until the end of the hold while awaiting approval; null once the seat is the person's
 */
public record SeatHold(SeatSource source, @Nullable Instant until) {

    static SeatHold given(SeatSource source) {
        return new SeatHold(source, null);
    }
}
