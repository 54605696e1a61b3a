package se.samlyft.identity.person;

/** Whether a person is still employed by the organisation; a person who left can no longer log in. */
public enum PersonStatus {
    EMPLOYED,
    LEFT
}
