/** Identity's integration events: the translator from domain events to the published contract, via the outbox. */
@NullMarked
package se.samlyft.identity.messaging;

import org.jspecify.annotations.NullMarked;
