/** PostgreSQL adapter of the participation read model. */
@NullMarked
package se.samlyft.reporting.participation.persistence;

import org.jspecify.annotations.NullMarked;
