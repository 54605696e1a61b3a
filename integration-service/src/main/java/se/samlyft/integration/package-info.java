/** integration-service: tenant-scoped webhooks and an event feed for the organisations' own systems. */
@NullMarked
package se.samlyft.integration;

import org.jspecify.annotations.NullMarked;
