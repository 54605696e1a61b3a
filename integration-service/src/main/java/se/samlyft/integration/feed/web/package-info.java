/** GET /api/integrations/events: the feed as CloudEvents batches. */
@NullMarked
package se.samlyft.integration.feed.web;

import org.jspecify.annotations.NullMarked;
