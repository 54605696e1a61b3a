package se.samlyft.identity.person;

/** The highest completed education as an ISCED group: 0-2 compulsory, 3-4 upper secondary, 5-8 tertiary. */
public enum EducationLevel {
    ISCED_0_2,
    ISCED_3_4,
    ISCED_5_8,
    NOT_STATED
}
