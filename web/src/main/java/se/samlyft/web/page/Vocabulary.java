package se.samlyft.web.page;

import java.util.List;

/**
 * The catalog's words that forms offer to choose from: the formats a course can take and the occupations it can be
 * for, as the catalog stores them (Swedish names), and identity's occupation codes with the names staff pages show.
 */
public final class Vocabulary {

    /** A course's formats, as the catalog names them. */
    public static final List<String> FORMATS =
            List.of("SELF_PACED_DIGITAL", "LIVE_ONLINE", "CLASSROOM", "WORKPLACE_BASED", "BLENDED");

    /** The occupations a course is for, as the catalog stores them. */
    public static final List<String> OCCUPATIONS =
            List.of("undersköterska", "vårdbiträde", "personlig assistent", "sjuksköterska", "chef");

    /** Identity's occupation codes, in the order a form offers them. */
    public static final List<String> OCCUPATION_CODES =
            List.of("ASSISTANT_NURSE", "CARE_AIDE", "PERSONAL_ASSISTANT", "NURSE", "MANAGER", "OTHER");

    /** Identity's codes of sex, in the order the funder's reports use. */
    public static final List<String> SEXES = List.of("WOMAN", "MAN", "NON_BINARY", "NOT_STATED");

    private Vocabulary() {}
}
