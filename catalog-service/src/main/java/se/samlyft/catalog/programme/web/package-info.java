/** HTTP adapter of programmes. */
@NullMarked
package se.samlyft.catalog.programme.web;

import org.jspecify.annotations.NullMarked;
