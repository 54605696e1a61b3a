/** The durable queue of provisioning tasks in PostgreSQL. */
@NullMarked
package se.samlyft.identity.provisioning.persistence;

import org.jspecify.annotations.NullMarked;
