package se.samlyft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The webhooks section of {@code bench/RESULTS.md}, which {@link WebhookBench} writes and the performance suite keeps
 * when it writes the rest of the file: the text between {@link #BEGIN} and {@link #END}, at the file's end.
 */
final class WebhookResults {

    static final String BEGIN = "<!-- webhooks: written by ./mvnw -Pwebhooks -->";
    static final String END = "<!-- /webhooks -->";

    private WebhookResults() {}

    /** The section as {@code file} has it, markers included and ending with a line break; empty if it has none. */
    static String section(Path file) throws IOException {
        return new KeptSection(BEGIN, END).in(file);
    }

    /** Writes the section into {@code bench/RESULTS.md} of the repository, in place of the one there was. */
    static Path write(
            WebhookBench.Summary burst,
            WebhookBench.Summary walk,
            String kafka,
            int subscriptions,
            int events,
            long refused)
            throws IOException {
        Path file = Path.of(System.getProperty("samlyft.home", ".")).resolve("bench/RESULTS.md");
        String section = BEGIN + "\n" + text(burst, walk, kafka, subscriptions, events, refused) + END + "\n";
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String old = section(file);
        String updated = old.isEmpty()
                ? text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + "\n" + section
                : text.replace(old, section);
        Files.writeString(file, updated, StandardCharsets.UTF_8);
        return file;
    }

    private static String text(
            WebhookBench.Summary burst,
            WebhookBench.Summary walk,
            String kafka,
            int subscriptions,
            int events,
            long refused) {
        StringBuilder md = new StringBuilder();
        md.append("## Webhooks\n\n")
                .append("Written by `./mvnw -Pwebhooks` (see [README.md](README.md)) on ")
                .append(LocalDate.now())
                .append(". ")
                .append(Results.Machine.describe())
                .append("\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%,d enrolment events of %,d enrolments, appended to enrolment-service's outbox in transactions"
                                + " of %d and relayed by it, fanned out by integration-service to %d subscriptions of one"
                                + " organisation, each a path of one receiver on this machine that checks every"
                                + " signature: %,d deliveries. Lag is from the commit of the event's transaction to the"
                                + " receiver's answer, for every delivery.%n%n",
                        events,
                        events / WebhookBench.EVENTS_PER_ENROLMENT,
                        WebhookBench.EVENTS_PER_TRANSACTION,
                        subscriptions,
                        (long) events * subscriptions))
                .append("| phase | deliveries | received twice | appending (s) | first append to last delivery (s) |"
                        + " deliveries/s | lag p50 ms | lag p99 ms | lag max ms |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
                .append(row("all at once", burst))
                .append(row(
                        WebhookBench.WALK_PER_SECOND + " events/s for " + WebhookBench.WALK.toSeconds() + " s", walk))
                .append("\nKafka's `EndToEndLatency` tool on the same broker (2,000 messages of 600 bytes, acks=all): ")
                .append(KafkaLatency.line(kafka, "Avg latency"))
                .append("; ")
                .append(KafkaLatency.line(kafka, "Percentiles"))
                .append(".\n\nWebhooks whose signature the receiver refused: ")
                .append(refused)
                .append(".\n\n");
        return md.toString();
    }

    private static String row(String phase, WebhookBench.Summary summary) {
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %d | %.1f | %.1f | %.0f | %d | %d | %d |%n",
                phase,
                summary.deliveries(),
                summary.duplicates(),
                summary.appending().toMillis() / 1000.0,
                summary.span().toMillis() / 1000.0,
                summary.perSecond(),
                summary.p50(),
                summary.p99(),
                summary.max());
    }
}
