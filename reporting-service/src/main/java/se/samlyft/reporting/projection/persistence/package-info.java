/** PostgreSQL adapter of the read model: versioned upserts in the event's tenant scope. */
@NullMarked
package se.samlyft.reporting.projection.persistence;

import org.jspecify.annotations.NullMarked;
