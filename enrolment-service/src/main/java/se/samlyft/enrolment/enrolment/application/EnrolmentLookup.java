package se.samlyft.enrolment.enrolment.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.EnrolmentState;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.enrolment.enrolment.SeatRequest;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.offering.Courses;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.offering.Offerings;
import se.samlyft.platform.problem.ETags;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;

/**
 * What the use cases share: finding an enrolment the caller's organisation sees, checking the version the caller
 * read, the offering and course of an enrolment, its details, the time now, and a move of one enrolment that does not
 * touch seats (check, load, act, store in one transaction).
 */
public final class EnrolmentLookup {

    private final Enrolments enrolments;
    private final Offerings offerings;
    private final Courses courses;
    private final Transactions transactions;
    private final Clock clock;

    public EnrolmentLookup(
            Enrolments enrolments, Offerings offerings, Courses courses, Transactions transactions, Clock clock) {
        this.enrolments = enrolments;
        this.offerings = offerings;
        this.courses = courses;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The enrolment, if the caller's organisation sees it; 404 otherwise. */
    Enrolment visible(UUID id) {
        return enrolments.find(id).orElseThrow(() -> NotFound.of("enrolment", id));
    }

    /**
     * The optional {@code If-Match} of an action: when sent, it must name the enrolment's current version (412 when
     * it moved on), so that a page showing an older state cannot act on the newer one.
     */
    static void checkVersion(@Nullable String ifMatch, Enrolment enrolment) {
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, enrolment.version());
        }
    }

    /**
     * Loads the enrolment, lets {@code access} check the caller may act on it, checks the version and applies
     * {@code move}, storing the result: all in one transaction.
     */
    Enrolment change(
            Caller caller,
            UUID id,
            @Nullable String ifMatch,
            BiFunction<Enrolment, Caller, Enrolment> access,
            BiConsumer<Enrolment, Instant> move) {
        return transactions.inTransaction(() -> {
            Enrolment enrolment = access.apply(visible(id), caller);
            checkVersion(ifMatch, enrolment);
            long stored = enrolment.version();
            move.accept(enrolment, now());
            enrolments.update(enrolment, stored);
            return enrolment;
        });
    }

    Offering offeringOf(Enrolment enrolment) {
        return offering(enrolment.offeringId().value());
    }

    Offering offering(UUID offeringId) {
        return offerings.find(offeringId).orElseThrow(() -> NotFound.of("offering", offeringId));
    }

    Course courseOf(Enrolment enrolment) {
        SeatRequest request = enrolment.request();
        return courses.find(request.courseId())
                .orElseGet(() -> Course.unknown(request.courseId(), request.offeringOwner()));
    }

    EnrolmentDetails details(Enrolment enrolment) {
        Integer position = enrolment.state() == EnrolmentState.WAITLISTED
                ? enrolments.waitlistPosition(enrolment.id().value()).orElse(null)
                : null;
        return new EnrolmentDetails(
                enrolment, position, enrolment.stored().progress().percentOf(courseOf(enrolment)));
    }

    /** Now, to the microsecond PostgreSQL keeps, so that a time shown is the time stored. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
