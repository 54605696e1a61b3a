/** The feed in PostgreSQL: positions without gaps per tenant, the fan-out to subscriptions, and the retention sweep. */
@NullMarked
package se.samlyft.integration.feed.persistence;

import org.jspecify.annotations.NullMarked;
