/** Courses: what is taught, by whom, and in what state. */
@NullMarked
package se.samlyft.catalog.course;

import org.jspecify.annotations.NullMarked;
