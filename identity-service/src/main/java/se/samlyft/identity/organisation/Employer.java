package se.samlyft.identity.organisation;

/** The kind of employer an organisation is, as funders' reports split staff: municipal, regional or private. */
public enum Employer {
    MUNICIPAL,
    REGIONAL,
    PRIVATE,
    /** A federation employs no care staff of its own in the reports. */
    NONE
}
