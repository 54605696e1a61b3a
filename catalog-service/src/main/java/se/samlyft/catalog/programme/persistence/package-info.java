/** PostgreSQL adapter of programmes. */
@NullMarked
package se.samlyft.catalog.programme.persistence;

import org.jspecify.annotations.NullMarked;
