package se.samlyft.integration.feed;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.tenancy.TenantId;

/** The tenants' feeds of events. */
public interface Feed {

    /**
     * Appends the event to the tenant's feed at its next position, and queues a delivery of it to each subscription of
     * the tenant that takes its type, in the caller's transaction.
     *
     * @return whether it was appended; false if the feed has an event of that id already
     */
    boolean append(TenantId tenant, StoredEvent event);

    /**
     * Up to {@code limit} events of the tenant's feed after the cursor (from the oldest kept without one), of the types
     * the filter takes (every type without one), and the cursor of the next page.
     *
     * @throws FeedCursorExpired if events after the cursor have been deleted
     */
    FeedPage page(TenantId tenant, Optional<FeedCursor> after, @Nullable EventTypeFilter types, int limit);
}
