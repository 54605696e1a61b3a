/** PostgreSQL adapter of people. */
@NullMarked
package se.samlyft.identity.person.persistence;

import org.jspecify.annotations.NullMarked;
