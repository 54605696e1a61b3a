/** PostgreSQL adapter of the person copy. */
@NullMarked
package se.samlyft.enrolment.person.persistence;

import org.jspecify.annotations.NullMarked;
