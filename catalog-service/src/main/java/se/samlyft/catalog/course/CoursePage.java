package se.samlyft.catalog.course;

import java.util.List;

/** One page of courses: the courses on it, its number (from 0), its size and how many courses there are in all. */
public record CoursePage(List<Course> courses, int page, int size, long total) {

    public CoursePage {
        courses = List.copyOf(courses);
    }
}
