package se.samlyft.integration.feed;

import java.util.List;

/**
 * One page of a feed: the events after the cursor asked for, in feed order, each as the structured CloudEvent (JSON
 * text) that webhooks deliver, and the cursor to ask for the next page with.
 */
public record FeedPage(List<String> events, FeedCursor next) {

    public FeedPage {
        events = List.copyOf(events);
    }
}
