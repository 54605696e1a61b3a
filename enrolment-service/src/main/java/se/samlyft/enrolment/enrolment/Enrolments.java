package se.samlyft.enrolment.enrolment;

import java.util.List;

/** The enrolments the current tenant scope may see. */
public interface Enrolments {

    List<Enrolment> visibleEnrolments();
}
