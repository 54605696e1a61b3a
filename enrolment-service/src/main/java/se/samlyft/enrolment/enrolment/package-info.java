/** Enrolments: one person on one offering, from request to completion. */
@NullMarked
package se.samlyft.enrolment.enrolment;

import org.jspecify.annotations.NullMarked;
