package se.samlyft.enrolment.enrolment.application;

import java.time.Instant;
import java.util.UUID;
import se.samlyft.enrolment.enrolment.Seats;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.offering.Courses;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.offering.Offerings;

/**
 * Keeps the copies of the catalog's courses and offerings (an older version never over a newer one), and settles an
 * offering's seats after a change: a changed offering promotes from its waiting list, a cancelled one cancels its live
 * enrolments. Settling is safe to repeat.
 */
public final class KeepingCatalogCopies {

    private final Courses courses;
    private final Offerings offerings;
    private final Seats seats;
    private final EnrolmentLookup lookup;

    public KeepingCatalogCopies(Courses courses, Offerings offerings, Seats seats, EnrolmentLookup lookup) {
        this.courses = courses;
        this.offerings = offerings;
        this.seats = seats;
        this.lookup = lookup;
    }

    public void course(Course course) {
        courses.save(course);
    }

    public void offering(Offering offering) {
        offerings.save(offering);
    }

    public void cancelled(UUID offeringId, long version, Instant cancelledAt) {
        offerings.cancel(offeringId, version, cancelledAt);
    }

    /** Gives the offering's free seats to the people waiting (more seats, a new release date). */
    public void promoteFromWaitingList(UUID offeringId) {
        seats.atOffering(offeringId, desk -> desk.promote(lookup.now()));
    }

    /** Cancels every live enrolment on a cancelled offering. */
    public void cancelEnrolments(UUID offeringId) {
        seats.atOffering(offeringId, desk -> desk.cancelAll(lookup.now()));
    }
}
