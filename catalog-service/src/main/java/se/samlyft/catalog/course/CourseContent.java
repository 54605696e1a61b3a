package se.samlyft.catalog.course;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;
import se.samlyft.platform.problem.InvalidInput;

/**
 * What a course teaches and how, as its owner describes it: title and description in Swedish, themes, target
 * occupations, format, ordered modules, whether it is formal education, and its language (an ISO 639-1 code).
 */
public record CourseContent(
        String title,
        String description,
        List<String> themes,
        List<String> targetOccupations,
        CourseFormat format,
        List<CourseModule> modules,
        boolean formal,
        String language) {

    /** The language of a course unless its owner says otherwise. */
    public static final String SWEDISH = "sv";

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    public CourseContent {
        if (title == null || title.isBlank()) {
            throw new InvalidInput("title", "must not be blank");
        }
        if (format == null) {
            throw new InvalidInput("format", "must be one of " + List.of(CourseFormat.values()));
        }
        if (modules == null || modules.isEmpty()) {
            throw new InvalidInput("modules", "must name at least one module");
        }
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new InvalidInput("language", "must be a two-letter ISO 639-1 code such as sv");
        }
        title = title.strip();
        description = description == null ? "" : description.strip();
        themes = distinctLabels(themes, "themes");
        targetOccupations = distinctLabels(targetOccupations, "targetOccupations");
        modules = List.copyOf(modules);
    }

    /** The estimated hours of the course: the sum of its modules' minutes, in hours rounded to one decimal. */
    public BigDecimal estimatedHours() {
        int minutes = modules.stream().mapToInt(CourseModule::estimatedMinutes).sum();
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    private static List<String> distinctLabels(List<String> labels, String field) {
        if (labels == null) {
            return List.of();
        }
        if (labels.stream().anyMatch(label -> label == null || label.isBlank())) {
            throw new InvalidInput(field, "must not contain blank entries");
        }
        return labels.stream().map(String::strip).distinct().toList();
    }
}
