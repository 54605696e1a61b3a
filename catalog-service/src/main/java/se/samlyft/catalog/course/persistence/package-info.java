/** PostgreSQL adapter of courses. */
@NullMarked
package se.samlyft.catalog.course.persistence;

import org.jspecify.annotations.NullMarked;
