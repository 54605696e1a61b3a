package se.samlyft.catalog.course;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import se.samlyft.platform.problem.InvalidInput;

/**
 * A search among published courses: free text (Swedish, matched on word stems, title before description), optional
 * filters on theme, target occupation and format, and optional filters on the course's scheduled offerings: the
 * municipality (SCB code) where one takes place, the Swedish calendar days between which one starts, and whether one
 * has a seat that is not taken.
 */
public record CourseSearch(
        Optional<String> text,
        Optional<String> theme,
        Optional<String> occupation,
        Optional<CourseFormat> format,
        Optional<String> municipality,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        boolean withFreeSeats) {

    private static final Pattern SCB_CODE = Pattern.compile("[0-9]{4}");

    public CourseSearch {
        text = text.map(String::strip).filter(value -> !value.isEmpty());
        theme = theme.map(String::strip).filter(value -> !value.isEmpty());
        occupation = occupation.map(String::strip).filter(value -> !value.isEmpty());
        municipality = municipality.map(String::strip).filter(value -> !value.isEmpty());
        if (municipality.filter(code -> !SCB_CODE.matcher(code).matches()).isPresent()) {
            throw new InvalidInput("municipality", "must be a four-digit SCB municipality code");
        }
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new InvalidInput("to", "must not be before from");
        }
    }

    /** Whether the search asks for courses with a scheduled offering. */
    public boolean filtersOfferings() {
        return municipality.isPresent() || from.isPresent() || to.isPresent() || withFreeSeats;
    }
}
