/** PostgreSQL adapter of offerings and of the seats their enrolments take. */
@NullMarked
package se.samlyft.catalog.offering.persistence;

import org.jspecify.annotations.NullMarked;
