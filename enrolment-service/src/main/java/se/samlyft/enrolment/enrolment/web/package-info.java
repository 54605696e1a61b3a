/** HTTP adapter of enrolments. */
@NullMarked
package se.samlyft.enrolment.enrolment.web;

import org.jspecify.annotations.NullMarked;
