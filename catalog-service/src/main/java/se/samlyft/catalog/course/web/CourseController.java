package se.samlyft.catalog.course.web;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.catalog.course.Course;
import se.samlyft.catalog.course.Courses;

/** {@code /api/catalog/courses}: the courses of the caller's organisation. */
@RestController
@RequestMapping("/api/catalog/courses")
class CourseController {

    private final Courses courses;

    CourseController(Courses courses) {
        this.courses = courses;
    }

    @GetMapping
    List<CourseView> list() {
        return courses.visibleCourses().stream().map(CourseView::of).toList();
    }

    record CourseView(UUID id, String owner, String title, String status) {

        static CourseView of(Course course) {
            return new CourseView(
                    course.id(),
                    course.owner().value(),
                    course.title(),
                    course.status().name());
        }
    }
}
