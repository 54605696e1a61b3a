package se.samlyft.web.projectleader;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One chart of a dashboard and its accessible table, from the same figures: the page shows the table, and the chart
 * script draws the chart from that table alone, so the two cannot disagree. A cell hidden by the small-count rule
 * shows its text ("&lt;5") and draws nothing.
 *
 * @param id the figure's id on the page
 * @param kind {@code bar} or {@code line}
 * @param title the chart's heading
 * @param labelHeading the heading of the table's first column (what the rows are)
 * @param series the headings of the figures' columns, one series each
 * @param rows the rows, in order
 * @param unit a unit for the values, such as "%", or empty
 */
public record Chart(
        String id, String kind, String title, String labelHeading, List<String> series, List<Row> rows, String unit) {

    public Chart {
        series = List.copyOf(series);
        rows = List.copyOf(rows);
    }

    /** One row: its label and a cell per series. */
    public record Row(String label, List<Cell> cells) {

        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** A figure as drawn (null when hidden or missing) and as shown in the table. */
    public record Cell(@Nullable Number value, String shown) {

        /** The value for the chart script's {@code data-value}, empty when hidden. */
        public String data() {
            return value == null ? "" : value.toString();
        }
    }
}
