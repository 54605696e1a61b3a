/** The start page. */
@NullMarked
package se.samlyft.web.home;

import org.jspecify.annotations.NullMarked;
