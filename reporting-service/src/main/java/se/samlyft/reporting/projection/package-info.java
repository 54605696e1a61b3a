/**
 * The read model: what reporting keeps of the catalog's, identity's and enrolment's events, in generations that a
 * rebuild can replace while the reports keep reading the current one.
 */
@NullMarked
package se.samlyft.reporting.projection;

import org.jspecify.annotations.NullMarked;
