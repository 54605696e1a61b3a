/** Events in (catalog and identity, through the inbox) and out (the enrolment events, through the outbox). */
@NullMarked
package se.samlyft.enrolment.enrolment.messaging;

import org.jspecify.annotations.NullMarked;
