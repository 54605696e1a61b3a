package se.samlyft.reporting.projection;

/** What kind of employer an organisation is; a federation employs nobody that reports count. */
public enum Employer {
    MUNICIPAL,
    REGIONAL,
    PRIVATE,
    NONE
}
