/** The feed: each organisation's events in the order they reached the service, as the published contract has them, and the audience of each event. */
@NullMarked
package se.samlyft.integration.feed;

import org.jspecify.annotations.NullMarked;
