/** reporting-service: read models built from events, and the reports made from them. */
@NullMarked
package se.samlyft.reporting;

import org.jspecify.annotations.NullMarked;
