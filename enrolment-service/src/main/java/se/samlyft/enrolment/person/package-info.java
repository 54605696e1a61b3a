/** What enrolment-service knows of people: its own copy, built from identity's events; never names. */
@NullMarked
package se.samlyft.enrolment.person;

import org.jspecify.annotations.NullMarked;
