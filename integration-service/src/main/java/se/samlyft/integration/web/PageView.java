package se.samlyft.integration.web;

import java.util.List;

/**
 * One page of a list as the API answers it: the items, the page number (from 0), the page size, and the number of
 * items and pages in all.
 *
 * @param <T> the representation of one item
 */
public record PageView<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    /** The largest page a client may ask for. */
    public static final int MAX_SIZE = 100;

    /** The page size when the client names none. */
    public static final String DEFAULT_SIZE = "20";

    public static <T> PageView<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageView<>(List.copyOf(items), page, size, totalItems, (totalItems + size - 1) / size);
    }
}
