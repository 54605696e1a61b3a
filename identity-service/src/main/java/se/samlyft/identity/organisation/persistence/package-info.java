/** PostgreSQL adapter of organisations and federations. */
@NullMarked
package se.samlyft.identity.organisation.persistence;

import org.jspecify.annotations.NullMarked;
