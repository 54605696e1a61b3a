/** HTTP adapter of the participation report. */
@NullMarked
package se.samlyft.reporting.participation.web;

import org.jspecify.annotations.NullMarked;
