/** What every page shares: the layout's model, Swedish formats and texts, form keys and problem messages, error pages. */
@NullMarked
package se.samlyft.web.page;

import org.jspecify.annotations.NullMarked;
