package se.samlyft.identity.person;

/** Sex as funders report it. */
public enum Sex {
    WOMAN,
    MAN,
    NON_BINARY,
    NOT_STATED
}
