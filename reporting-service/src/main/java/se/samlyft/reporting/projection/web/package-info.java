/** HTTP adapter of the read model's administration: rebuild and status, for platform administrators. */
@NullMarked
package se.samlyft.reporting.projection.web;

import org.jspecify.annotations.NullMarked;
