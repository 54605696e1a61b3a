package se.samlyft.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of a list as the APIs answer it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
