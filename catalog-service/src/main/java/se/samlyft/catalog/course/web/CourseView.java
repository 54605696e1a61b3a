package se.samlyft.catalog.course.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import se.samlyft.catalog.course.Course;
import se.samlyft.catalog.course.CourseContent;
import se.samlyft.catalog.course.CourseFormat;
import se.samlyft.catalog.course.CourseStatus;

/** A course as the API shows it; {@code estimatedHours} is derived from the modules. */
record CourseView(
        UUID id,
        String owner,
        String title,
        String description,
        List<String> themes,
        List<String> targetOccupations,
        CourseFormat format,
        List<ModuleView> modules,
        BigDecimal estimatedHours,
        boolean formal,
        String language,
        CourseStatus status,
        long version) {

    /** One module of the course, in order. */
    record ModuleView(String title, int estimatedMinutes) {}

    static CourseView of(Course course) {
        CourseContent content = course.content();
        return new CourseView(
                course.id(),
                course.owner().value(),
                content.title(),
                content.description(),
                content.themes(),
                content.targetOccupations(),
                content.format(),
                content.modules().stream()
                        .map(module -> new ModuleView(module.title(), module.estimatedMinutes()))
                        .toList(),
                content.estimatedHours(),
                content.formal(),
                content.language(),
                course.status(),
                course.version());
    }
}
