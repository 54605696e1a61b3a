package se.samlyft.catalog.course.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import se.samlyft.catalog.course.CourseContent;
import se.samlyft.catalog.course.CourseFormat;
import se.samlyft.catalog.course.CourseModule;

/**
 * A course as a coordinator writes it, for creating and for replacing one. The estimated hours are not sent: they are
 * the sum of the modules' minutes.
 */
record CourseRequest(
        @NotBlank @Size(max = 200) String title,
        @Nullable @Size(max = 10_000) String description,
        @Nullable @Size(max = 20) List<@NotBlank @Size(max = 100) String> themes,
        @Nullable @Size(max = 20) List<@NotBlank @Size(max = 100) String> targetOccupations,
        @NotNull CourseFormat format,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull ModuleRequest> modules,
        @Nullable Boolean formal,

        @Nullable @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter ISO 639-1 code such as sv")
        String language) {

    /** One module: its title and the minutes it is expected to take. */
    record ModuleRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Min(1) @Max(CourseModule.MAX_MINUTES) Integer estimatedMinutes) {}

    CourseContent toContent() {
        return new CourseContent(
                title,
                description == null ? "" : description,
                themes == null ? List.of() : themes,
                targetOccupations == null ? List.of() : targetOccupations,
                format,
                modules.stream()
                        .map(module -> new CourseModule(module.title(), module.estimatedMinutes()))
                        .toList(),
                Boolean.TRUE.equals(formal),
                language == null ? CourseContent.SWEDISH : language);
    }
}
