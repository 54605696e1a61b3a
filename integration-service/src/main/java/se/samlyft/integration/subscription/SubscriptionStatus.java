package se.samlyft.integration.subscription;

/** Whether a subscription's deliveries are sent. */
public enum SubscriptionStatus {
    /** Deliveries are sent as they fall due. */
    ACTIVE,
    /** Nothing is sent; deliveries still queue up and go once the owner resumes it. */
    PAUSED
}
