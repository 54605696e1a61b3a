package se.samlyft.identity.hrimport;

/**
 * What is wrong with one row of an HR export: the line of the file, the column (as the header names it), a stable
 * code a page can say in its own words (such as {@code invalid-email}) and what is wrong in English, without repeating
 * the value, so that a report never carries a personal identity number.
 */
public record RowProblem(int line, String column, String code, String message) {}
