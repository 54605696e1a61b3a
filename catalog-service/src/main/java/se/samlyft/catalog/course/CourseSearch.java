package se.samlyft.catalog.course;

import java.util.Optional;

/**
 * A search among published courses: free text (Swedish, matched on word stems, title before description), and
 * optional filters on theme, target occupation and format.
 */
public record CourseSearch(
        Optional<String> text, Optional<String> theme, Optional<String> occupation, Optional<CourseFormat> format) {

    public CourseSearch {
        text = text.map(String::strip).filter(value -> !value.isEmpty());
        theme = theme.map(String::strip).filter(value -> !value.isEmpty());
        occupation = occupation.map(String::strip).filter(value -> !value.isEmpty());
    }
}
