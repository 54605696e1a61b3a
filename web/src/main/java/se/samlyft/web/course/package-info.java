/** Hitta utbildning: searching the catalog, a course's page and applying for a seat. */
@NullMarked
package se.samlyft.web.course;

import org.jspecify.annotations.NullMarked;
