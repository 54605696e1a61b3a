/** PostgreSQL adapter of the offering and course copies. */
@NullMarked
package se.samlyft.enrolment.offering.persistence;

import org.jspecify.annotations.NullMarked;
