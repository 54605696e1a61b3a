package se.samlyft.catalog.offering;

/** Where an offering is in its life: scheduled (and open to change), or cancelled for good. */
public enum OfferingStatus {
    SCHEDULED,
    CANCELLED
}
