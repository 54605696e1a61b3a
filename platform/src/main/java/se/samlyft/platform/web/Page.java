package se.samlyft.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as a repository finds it and as the API answers it: the items, the page number (from 0), the
 * page size, and the number of items and pages in all. Every service's lists answer this one shape.
 *
 * @param <T> one item: a domain object in a repository's answer, its representation in the API's
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    /** The largest page a client may ask for. */
    public static final int MAX_SIZE = 100;

    /** The page size when the client names none. */
    public static final String DEFAULT_SIZE = "20";

    public Page {
        items = List.copyOf(items);
    }

    /** Page {@code page} of {@code size} items of a list that holds {@code totalItems} in all. */
    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        return new Page<>(items, page, size, totalItems, size <= 0 ? 0 : (totalItems + size - 1) / size);
    }

    /** An empty page: nothing to list. */
    public static <T> Page<T> empty(int page, int size) {
        return of(List.of(), page, size, 0);
    }

    /** The same page with each item mapped, for example from a domain object to its representation. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
