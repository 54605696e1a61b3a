/** PostgreSQL adapter of enrolments. */
@NullMarked
package se.samlyft.enrolment.enrolment.persistence;

import org.jspecify.annotations.NullMarked;
