/** HTTP adapter of courses. */
@NullMarked
package se.samlyft.catalog.course.web;

import org.jspecify.annotations.NullMarked;
