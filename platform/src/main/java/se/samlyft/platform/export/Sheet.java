package se.samlyft.platform.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One table of an export: a title (the sheet's name in XLSX, a heading line in CSV), the column headings, and rows
 * whose cells are text, numbers or empty.
 */
public record Sheet(String title, List<String> headings, List<List<@Nullable Object>> rows) {

    public Sheet {
        headings = List.copyOf(headings);
        rows = rows.stream()
                .map(row -> java.util.Collections.unmodifiableList(new ArrayList<>(row)))
                .toList();
    }

    public static Builder titled(String title, String... headings) {
        return new Builder(title, List.of(headings));
    }

    /** Builds a sheet row by row. */
    public static final class Builder {

        private final String title;
        private final List<String> headings;
        private final List<List<@Nullable Object>> rows = new ArrayList<>();

        private Builder(String title, List<String> headings) {
            this.title = title;
            this.headings = headings;
        }

        public Builder row(@Nullable Object... cells) {
            if (cells.length != headings.size()) {
                throw new IllegalArgumentException("A row of " + title + " has " + headings.size() + " cells");
            }
            rows.add(Arrays.asList(cells));
            return this;
        }

        public Sheet build() {
            return new Sheet(title, headings, rows);
        }
    }
}
