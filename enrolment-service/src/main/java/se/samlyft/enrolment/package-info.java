/** enrolment-service: enrolments from request to completion, seats, quotas and waitlists. */
@NullMarked
package se.samlyft.enrolment;

import org.jspecify.annotations.NullMarked;
