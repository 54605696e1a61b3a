package se.samlyft.identity.person;

/** A person's occupation, as the funders' reports group care staff. */
public enum Occupation {
    ASSISTANT_NURSE,
    CARE_AIDE,
    PERSONAL_ASSISTANT,
    NURSE,
    MANAGER,
    OTHER
}
