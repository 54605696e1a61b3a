/** The catalog's integration events: domain events of every capability translated for the outbox. */
@NullMarked
package se.samlyft.catalog.messaging;

import org.jspecify.annotations.NullMarked;
