package se.samlyft.enrolment.enrolment.application;

import java.util.List;

/** One page of enrolments, {@code size} at most, and how many there are in all. */
public record EnrolmentList(List<EnrolmentDetails> items, int page, int size, long totalItems) {

    /** An empty first page. */
    static EnrolmentList none(int page, int size) {
        return new EnrolmentList(List.of(), page, size, 0);
    }

    /** How many pages of {@code size} hold every item. */
    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
