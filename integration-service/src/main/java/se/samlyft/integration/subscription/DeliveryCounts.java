package se.samlyft.integration.subscription;

/** How many deliveries of a subscription wait to be sent, and how many gave up after retrying for the whole period. */
public record DeliveryCounts(long pending, long failed) {

    public static final DeliveryCounts NONE = new DeliveryCounts(0, 0);
}
