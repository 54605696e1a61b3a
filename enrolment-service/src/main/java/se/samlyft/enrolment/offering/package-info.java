/** What enrolment-service knows of the catalog: its own copies of offerings and courses, built from their events. */
@NullMarked
package se.samlyft.enrolment.offering;

import org.jspecify.annotations.NullMarked;
