package se.samlyft.platform.problem.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.ETags;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.CurrentCaller;
import se.samlyft.platform.security.Denied;
import se.samlyft.platform.security.Role;
import se.samlyft.platform.tenancy.TenantId;

/** {@code /api/test/courses}: the courses of the caller's tenant, the way a service's controller would hold them. */
@RestController
@RequestMapping("/api/test")
public class CourseController {

    private final Map<UUID, Course> courses = new ConcurrentHashMap<>();
    private final AtomicInteger creations = new AtomicInteger();
    private final Gate gate;
    private final Drafts drafts;

    CourseController(Gate gate, Drafts drafts) {
        this.gate = gate;
        this.drafts = drafts;
    }

    /** How many courses this service has created, retries or not. */
    public int creations() {
        return creations.get();
    }

    @PostMapping("/courses")
    ResponseEntity<CourseView> create(@Valid @RequestBody NewCourse course) {
        Course created =
                new Course(UUID.randomUUID(), tenant(), course.title(), course.hours(), course.starts(), false, 1);
        courses.put(created.id(), created);
        creations.incrementAndGet();
        return ResponseEntity.created(URI.create("/api/test/courses/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(CourseView.of(created));
    }

    /** Creates like {@link #create}, but only once the test opens the {@link Gate}. */
    @PostMapping("/slow-courses")
    ResponseEntity<CourseView> createSlowly(@Valid @RequestBody NewCourse course) throws InterruptedException {
        gate.pass();
        return create(course);
    }

    @GetMapping("/courses")
    List<CourseView> list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        String tenant = tenant();
        return courses.values().stream()
                .filter(course -> course.tenant().equals(tenant))
                .sorted(Comparator.comparing(Course::title))
                .limit(limit)
                .map(CourseView::of)
                .toList();
    }

    @GetMapping("/courses/{id}")
    ResponseEntity<CourseView> get(@PathVariable UUID id) {
        Course course = find(id);
        return ResponseEntity.ok().eTag(ETags.of(course.version())).body(CourseView.of(course));
    }

    @PutMapping("/courses/{id}")
    ResponseEntity<CourseView> update(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody NewCourse change) {
        Course course = find(id);
        ETags.requireMatch(ifMatch, course.version());
        Course updated = new Course(
                id,
                course.tenant(),
                change.title(),
                change.hours(),
                change.starts(),
                course.published(),
                course.version() + 1);
        courses.put(id, updated);
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(CourseView.of(updated));
    }

    @PostMapping("/courses/{id}/publication")
    CourseView publish(@PathVariable UUID id) {
        Course course = find(id);
        if (course.published()) {
            throw new Conflict("The course \"" + course.title() + "\" is published already.");
        }
        Course published = new Course(
                id, course.tenant(), course.title(), course.hours(), course.starts(), true, course.version() + 1);
        courses.put(id, published);
        return CourseView.of(published);
    }

    /** Hands the title to an application service that validates its parameters itself. */
    @PostMapping("/drafts")
    String draft(@RequestBody String title) {
        return drafts.keep(title.strip());
    }

    @GetMapping("/failure")
    String failure() {
        throw new IllegalStateException("Connection to db-intern.samlyft.local:5432 refused for user catalog_app");
    }

    @GetMapping("/administration")
    @PreAuthorize("hasRole('admin')")
    String administration() {
        return "hemligt";
    }

    @GetMapping("/budget")
    String budget() {
        if (!CurrentCaller.get()
                .map(caller -> caller.hasRole(Role.PLATFORM_ADMIN))
                .orElse(false)) {
            throw new Denied("Only a platform administrator may read the budget.");
        }
        return "hemligt";
    }

    private Course find(UUID id) {
        Course course = courses.get(id);
        if (course == null || !course.tenant().equals(tenant())) {
            throw NotFound.of("course", id);
        }
        return course;
    }

    private static String tenant() {
        return CurrentCaller.get()
                .flatMap(caller -> caller.tenant())
                .map(TenantId::value)
                .orElseThrow(() -> new NotFound("The token names no organisation."));
    }

    /** A course as a client proposes it. */
    public record NewCourse(
            @NotBlank @Size(max = 120) String title,
            @NotNull @Positive Integer hours,
            @NotNull LocalDate starts) {}

    /** A course as a client sees it. */
    public record CourseView(UUID id, String title, int hours, LocalDate starts, boolean published, long version) {

        static CourseView of(Course course) {
            return new CourseView(
                    course.id(), course.title(), course.hours(), course.starts(), course.published(), course.version());
        }
    }

    private record Course(
            UUID id, String tenant, String title, int hours, LocalDate starts, boolean published, long version) {}
}
