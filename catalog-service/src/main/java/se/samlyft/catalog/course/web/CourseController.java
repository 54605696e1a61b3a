package se.samlyft.catalog.course.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.catalog.course.Course;
import se.samlyft.catalog.course.CourseFormat;
import se.samlyft.catalog.course.CourseSearch;
import se.samlyft.catalog.course.CourseStatus;
import se.samlyft.catalog.course.Courses;
import se.samlyft.catalog.web.CatalogPolicy;
import se.samlyft.platform.problem.ETags;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.web.Page;

/**
 * {@code /api/catalog/courses}: the courses of the caller's organisation. Everyone of it sees and searches the
 * published ones; its coordinators also see drafts and archived courses, and create, change, publish and archive.
 * Reading one course and searching also show another organisation's published course with a scheduled offering whose
 * audience names the caller's organisation; only its owner changes it.
 */
@RestController
@RequestMapping("/api/catalog/courses")
class CourseController {

    private static final String PATH = "/api/catalog/courses/";

    private final Courses courses;
    private final Clock clock;

    CourseController(Courses courses, Clock clock) {
        this.courses = courses;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<CourseView> createCourse(@Valid @RequestBody CourseRequest request) {
        Course course = Course.draft(UUID.randomUUID(), CatalogPolicy.requireMayManageCourses(), request.toContent());
        courses.add(course);
        return ResponseEntity.created(URI.create(PATH + course.id()))
                .eTag(ETags.of(course.version()))
                .body(CourseView.of(course));
    }

    @GetMapping("/{id}")
    ResponseEntity<CourseView> getCourse(@PathVariable UUID id) {
        return answer(visible(id));
    }

    @GetMapping
    Page<CourseView> listCourses(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return courses.list(CatalogPolicy.managesCatalog(), page, size).map(CourseView::of);
    }

    @GetMapping("/search")
    Page<CourseView> searchCourses(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String theme,
            @RequestParam(required = false) @Nullable String occupation,
            @RequestParam(required = false) @Nullable CourseFormat format,
            @RequestParam(required = false) @Nullable String municipality,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "false") boolean freeSeats,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        CourseSearch search = new CourseSearch(
                Optional.ofNullable(q),
                Optional.ofNullable(theme),
                Optional.ofNullable(occupation),
                Optional.ofNullable(format),
                Optional.ofNullable(municipality),
                Optional.ofNullable(from),
                Optional.ofNullable(to),
                freeSeats);
        return courses.search(search, page, size).map(CourseView::of);
    }

    @PutMapping("/{id}")
    ResponseEntity<CourseView> updateCourse(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody CourseRequest request) {
        return change(id, course -> {
            ETags.requireMatch(ifMatch, course.version());
            course.revise(request.toContent(), clock.instant());
        });
    }

    @PostMapping("/{id}/publish")
    ResponseEntity<CourseView> publishCourse(@PathVariable UUID id) {
        return change(id, course -> course.publish(clock.instant()));
    }

    @PostMapping("/{id}/archive")
    ResponseEntity<CourseView> archiveCourse(@PathVariable UUID id) {
        return change(id, course -> course.archive(clock.instant()));
    }

    /** Lets a coordinator of the course's owner apply {@code change}, and stores it unless the course moved on. */
    private ResponseEntity<CourseView> change(UUID id, Consumer<Course> change) {
        TenantId owner = CatalogPolicy.requireMayManageCourses();
        Course course = courses.find(id)
                .filter(found -> found.owner().equals(owner))
                .orElseThrow(() -> NotFound.of("course", id));
        long stored = course.version();
        change.accept(course);
        courses.update(course, stored);
        return answer(course);
    }

    /** The course if the caller may see it: published, or any state for a coordinator of its owner. */
    private Course visible(UUID id) {
        boolean manages = CatalogPolicy.managesCatalog();
        return courses.find(id)
                .filter(course -> manages || course.status() == CourseStatus.PUBLISHED)
                .orElseThrow(() -> NotFound.of("course", id));
    }

    private static ResponseEntity<CourseView> answer(Course course) {
        return ResponseEntity.ok().eTag(ETags.of(course.version())).body(CourseView.of(course));
    }
}
