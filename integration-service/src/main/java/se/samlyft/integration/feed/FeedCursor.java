package se.samlyft.integration.feed;

import se.samlyft.platform.problem.InvalidInput;

/**
 * Where a reader of a feed has got to: the position of the last event it read. Opaque to clients, who send back what
 * the previous page named.
 *
 * @param position the feed position, 0 before the first event
 */
public record FeedCursor(long position) {

    /** The cursor before the first event. */
    public static final FeedCursor START = new FeedCursor(0);

    public FeedCursor {
        if (position < 0) {
            throw new IllegalArgumentException("A feed position is not negative");
        }
    }

    /**
     * The cursor a client sent.
     *
     * @throws InvalidInput naming {@code field} if it is not a cursor this service gave out
     */
    public static FeedCursor parse(String text, String field) {
        try {
            long position = Long.parseLong(text);
            if (position >= 0 && Long.toString(position).equals(text)) {
                return new FeedCursor(position);
            }
        } catch (NumberFormatException notOne) {
            // refused below
        }
        throw new InvalidInput(field, "must be a cursor from an earlier page of the feed, not '" + text + "'");
    }

    @Override
    public String toString() {
        return Long.toString(position);
    }
}
