/** HTTP adapter of offerings. */
@NullMarked
package se.samlyft.catalog.offering.web;

import org.jspecify.annotations.NullMarked;
