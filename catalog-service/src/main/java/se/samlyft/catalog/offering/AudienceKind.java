package se.samlyft.catalog.offering;

/** Whose staff may enrol in an offering: the owner's own, the members of the owning federation, or named ones. */
public enum AudienceKind {
    OWN_STAFF,
    FEDERATION_MEMBERS,
    NAMED
}
