package se.samlyft.catalog.course;

import java.util.List;

/** The courses the current tenant scope may see. */
public interface Courses {

    List<Course> visibleCourses();
}
