package se.samlyft.integration.feed;

import java.time.Duration;
import se.samlyft.platform.problem.ProblemException;

/** A cursor older than the feed's retention, answered with 410: the events after it have been deleted. */
public class FeedCursorExpired extends ProblemException {

    private static final long serialVersionUID = 1L;

    public FeedCursorExpired(FeedCursor cursor, Duration retention) {
        super(
                410,
                "Events after cursor " + cursor + " were deleted: the feed keeps events for " + retention.toDays()
                        + " days. Read the feed again from its start (without after), and ask for a replay of your"
                        + " webhook subscription if you need them delivered.");
    }
}
