/** The service's configuration: its clock and the scheduled sweep of seats. */
@NullMarked
package se.samlyft.enrolment.config;

import org.jspecify.annotations.NullMarked;
