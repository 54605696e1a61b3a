/** Participation: enrolments as the reports count them. */
@NullMarked
package se.samlyft.reporting.participation;

import org.jspecify.annotations.NullMarked;
