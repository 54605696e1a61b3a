package se.samlyft.bench;

import static se.samlyft.bench.PerformanceSuite.fmt;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The suite's figures, written as {@code bench/RESULTS.md}: the machine and the date, the dataset and how long its
 * generation took, then every measurement beside its baseline and the limits (row-level security within
 * 1.25× for reports and 1.10× for the enrolment transaction, no p99 above one second).
 */
final class Results {

    private static final double REPORT_RATIO = 1.25;
    private static final double ENROLMENT_RATIO = 1.10;

    private final List<String> rows = new ArrayList<>();
    private final List<String> security = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private final Map<String, Map<String, Long>> memory = new LinkedHashMap<>();
    private Duration startup = Duration.ZERO;
    private Map<String, Duration> readyAfter = Map.of();
    private String gatewayOverhead = "";
    private String rush = "";
    private String freshness = "";
    private Map<String, Double> walk = Map.of();
    private String rebuild = "";

    void startup(Duration whole, Map<String, Duration> readyAfter) {
        this.startup = whole;
        this.readyAfter = readyAfter;
    }

    void memory(String when, Map<String, Long> kib) {
        memory.put(when, kib);
    }

    void row(String what, Latencies measured, String baselineName, Latencies baseline) {
        rows.add(String.format(
                Locale.ROOT,
                "| %s | %s | %s | %.0f/s | %s | %s | %s |",
                what,
                fmt(measured.p50()),
                fmt(measured.p99()),
                measured.perSecond(),
                baselineName,
                fmt(baseline.p50()),
                fmt(baseline.p99())));
        limit(what, measured);
    }

    void gatewayOverhead(double p50, double p99) {
        gatewayOverhead = "The gateway adds " + fmt(p50) + " ms at the median and " + fmt(p99)
                + " ms at the 99th percentile to the same search (token check, rate limits, routing, headers).";
    }

    void rowLevelSecurity(String query, Latencies on, Latencies off, boolean sameAnswer) {
        double ratio50 = on.p50() / off.p50();
        double ratio99 = on.p99() / off.p99();
        security.add(String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %.2f× | %.2f× | %s |",
                query,
                fmt(on.p50()),
                fmt(on.p99()),
                fmt(off.p50()),
                fmt(off.p99()),
                ratio50,
                ratio99,
                sameAnswer ? "yes" : "**no**"));
        limit(query, on);
        if (ratio50 > REPORT_RATIO) {
            findings.add(
                    query + ": with row-level security the median is " + String.format(Locale.ROOT, "%.2f", ratio50)
                            + "× the median without, above the limit of " + REPORT_RATIO + "×.");
        }
        if (!sameAnswer) {
            findings.add(query + ": the answer without row-level security differs from the answer with it.");
        }
    }

    void rush(PerformanceSuite.Rush on, PerformanceSuite.Rush off, Latencies update) {
        double ratio = off.latencies().perSecond() / on.latencies().perSecond();
        double ratio99 = on.latencies().p99() / off.latencies().p99();
        // Zero when /proc could not be read: then the ratio is not a number, and the limit is not shown to hold.
        double ratioDatabase = on.databaseMillisPerRequest() / off.databaseMillisPerRequest();
        rush = String.format(
                Locale.ROOT,
                """
                | | requests/s | p50 ms | p99 ms | confirmed (API) | confirmed (database) | waitlisted | seats \
                | enrolment's database, processor ms per request |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                | rush, row-level security on | %.0f | %s | %s | %d | %d | %d | %d | %.2f |
                | rush, row-level security off | %.0f | %s | %s | %d | %d | %d | %d | %.2f |
                | baseline: single-row conditional update | %.0f | %s | %s | | | | | |

                Row-level security costs %.2f× in throughput (off/on), %.2f× at the 99th percentile (on/off) and \
                %.2f× in the processor time enrolment's database connections spend per request (on/off: the \
                requests' transactions and the outbox relay's work in PostgreSQL, which the rate and the latencies \
                see through everything else the machine does); the limit is %.2f×. The rush reaches %.3f of the bare update's rate: each request also checks the \
                token, reads the person and the offering, takes the offering's seat lock, writes the enrolment, the \
                seat ledger and the outbox event in one transaction.
                """,
                on.latencies().perSecond(),
                fmt(on.latencies().p50()),
                fmt(on.latencies().p99()),
                on.confirmed(),
                on.confirmedInDatabase(),
                on.waitlisted(),
                on.seats(),
                on.databaseMillisPerRequest(),
                off.latencies().perSecond(),
                fmt(off.latencies().p50()),
                fmt(off.latencies().p99()),
                off.confirmed(),
                off.confirmedInDatabase(),
                off.waitlisted(),
                off.seats(),
                off.databaseMillisPerRequest(),
                update.perSecond(),
                fmt(update.p50()),
                fmt(update.p99()),
                ratio,
                ratio99,
                ratioDatabase,
                ENROLMENT_RATIO,
                on.latencies().perSecond() / update.perSecond());
        limit("the enrolment rush", on.latencies());
        if (!(Math.max(ratioDatabase, Math.max(ratio, ratio99)) <= ENROLMENT_RATIO)) {
            findings.add(String.format(
                    Locale.ROOT,
                    "The enrolment transaction with row-level security costs %.2f× (throughput), %.2f× (p99) and"
                            + " %.2f× (the database's processor time), not within the limit of %.2f× (NaN: not measured).",
                    ratio,
                    ratio99,
                    ratioDatabase,
                    ENROLMENT_RATIO));
        }
    }

    void freshnessAtAWalk(Map<String, Double> quantiles) {
        this.walk = quantiles;
    }

    void freshness(Map<String, Double> quantiles, String tool) {
        String average = KafkaLatency.line(tool, "Avg latency");
        String percentiles = KafkaLatency.line(tool, "Percentiles");
        StringBuilder text = new StringBuilder("| quantile | at a walk (" + PerformanceSuite.WALK_PER_SECOND
                + " enrolments/s), ms | during the rush, ms |\n" + "| --- | --- | --- |\n");
        quantiles.forEach((quantile, millis) -> text.append("| ")
                .append(quantile)
                .append(" | ")
                .append(walk.containsKey(quantile) ? fmt(walk.get(quantile)) : "")
                .append(" | ")
                .append(fmt(millis))
                .append(" |\n"));
        text.append("\nKafka's `EndToEndLatency` tool on the same broker (2,000 messages of 600 bytes, acks=all): ")
                .append(average)
                .append("; ")
                .append(percentiles)
                .append(".\n\nFreshness is the time from an event's `time` (set when its transaction wrote the outbox")
                .append(" row) to the commit of its effect in reporting-service, by the service's own timer over its")
                .append(" window of the last two minutes: once after the same 500 people enrolled one at a time, ")
                .append(PerformanceSuite.WALK_PER_SECOND)
                .append(" a second, before the rush and while nothing else wrote; once right after the rush, whose")
                .append(" 16 clients keep both processors busy. On the way are the outbox relay (woken by the")
                .append(" commit's notification, with a poll every second as the safety net), the broker, and")
                .append(" reporting-service's poll, which applies its records in one transaction.\n");
        Double p99 = quantiles.get("0.99");
        Double walkP99 = walk.get("0.99");
        if (walkP99 != null && walkP99 > 1_000) {
            findings.add("Event freshness p99 at a walk is " + fmt(walkP99) + " ms, above one second.");
        }
        if (p99 != null && p99 > 1_000) {
            findings.add("Event freshness p99 during the rush is " + fmt(p99) + " ms, above one second, against "
                    + (walkP99 == null ? "(not measured)" : fmt(walkP99) + " ms")
                    + " at a walk: the rush's sixteen clients keep both processors busy with enrolments, and the outbox"
                    + " relay, the broker and reporting-service's consumer wait for their turn. What would fix it:"
                    + " processors for the consumers that a rush of writes cannot take (more cores, or reporting-service"
                    + " on a machine of its own), as a production installation has.");
        }
        freshness = text.toString();
    }

    void rebuild(Duration rebuild, Duration consumer, long records) {
        this.rebuild = String.format(
                Locale.ROOT,
                "| | records | seconds | records/s |\n| --- | --- | --- | --- |\n"
                        + "| full read-model rebuild (reporting-service) | %d | %.1f | %.0f |\n"
                        + "| baseline: a plain Kafka consumer reading the same topics | %d | %.1f | %.0f |\n",
                records,
                rebuild.toMillis() / 1000.0,
                records / Math.max(0.001, rebuild.toMillis() / 1000.0),
                records,
                consumer.toMillis() / 1000.0,
                records / Math.max(0.001, consumer.toMillis() / 1000.0));
    }

    private void limit(String what, Latencies latencies) {
        if (!PerformanceSuite.withinLimit(latencies)) {
            findings.add(what + ": p99 " + fmt(latencies.p99()) + " ms is above one second.");
        }
    }

    Path write(Path file, JsonNode dataset) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Samlyft at national scale: results\n\n")
                .append("Written by the performance suite (`./mvnw -Pperformance`, see [README.md](README.md)) on ")
                .append(LocalDate.now())
                .append(". Every figure of the suite was measured in one run on one machine, beside its baseline; the"
                        + " modules' own benchmarks and the webhooks, at the end, say when each was measured.\n\n");
        md.append("## Machine\n\n").append(Machine.describe()).append("\n\n");
        md.append("## Dataset\n\n").append(dataset(dataset)).append('\n');
        md.append("## Start-up and memory\n\n")
                .append("The whole platform was ready ")
                .append(String.format(Locale.ROOT, "%.1f s", startup.toMillis() / 1000.0))
                .append(
                        " after the suite launched it (PostgreSQL first, then Keycloak and Kafka, then the five services"
                                + " together).\n\n| component | ready after (s) |");
        memory.keySet()
                .forEach(when -> md.append(" resident memory ").append(when).append(" (MB) |"));
        md.append("\n| --- | --- |");
        memory.keySet().forEach(when -> md.append(" --- |"));
        md.append('\n');
        List<String> components = new ArrayList<>(readyAfter.keySet());
        memory.values()
                .forEach(kib -> kib.keySet().stream()
                        .filter(c -> !components.contains(c))
                        .forEach(components::add));
        for (String component : components) {
            Duration ready = readyAfter.get(component);
            md.append("| ")
                    .append(component)
                    .append(" | ")
                    .append(ready == null ? "" : String.format(Locale.ROOT, "%.1f", ready.toMillis() / 1000.0))
                    .append(" |");
            memory.values()
                    .forEach(kib -> md.append(' ')
                            .append(kib.containsKey(component) ? String.valueOf(kib.get(component) / 1024) : "")
                            .append(" |"));
            md.append('\n');
        }
        md.append("\nMemory is the proportional set size of each component's processes (PostgreSQL's are many).\n\n");
        md.append("## Requests\n\n")
                .append("| measured | p50 ms | p99 ms | rate | baseline | baseline p50 ms | baseline p99 ms |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n");
        rows.forEach(row -> md.append(row).append('\n'));
        md.append('\n').append(gatewayOverhead).append("\n\n");
        md.append("## Report queries with row-level security on and off\n\n")
                .append("Each query in eight rounds of " + PerformanceSuite.REPORT_REQUESTS + " requests (after "
                        + PerformanceSuite.REPORT_WARM_UP
                        + " to warm up), one at a time, straight at reporting-service")
                .append(" as the reader it is meant for, in the order on, off, off, on, on, off, off, on, each way's")
                .append(" rounds pooled. \"Off\" is the same request with row-level security disabled on every")
                .append(
                        " table of reporting's database (by its owner, for the measurement only); the queries name their")
                .append(" tenant scope themselves, so the answer must be the same.\n\n")
                .append(
                        "| query | on p50 ms | on p99 ms | off p50 ms | off p99 ms | on/off p50 | on/off p99 | same answer |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        security.forEach(row -> md.append(row).append('\n'));
        md.append("\n## The enrolment rush\n\n")
                .append("500 requests from the member municipalities' coordinators of the largest federation for 300")
                .append(
                        " seats of one joint offering, 16 at a time, straight at enrolment-service, each rush on a fresh")
                .append(
                        " offering: after warm-up rushes (at least four, until two in a row go within 5 % of each other), eight rushes each way in the order on, off, off, on,")
                .append(
                        " repeated four times, their requests pooled; each measured rush follows an unmeasured one in the same setting (on an offering of its own), as switching row-level security makes PostgreSQL plan every statement again. Every rush confirmed exactly the seats there were and")
                .append(" waitlisted the rest, in the answers and in the database.\n\n")
                .append(rush)
                .append('\n');
        md.append("## Event freshness\n\n").append(freshness).append('\n');
        md.append("## Read-model rebuild\n\n").append(rebuild).append('\n');
        md.append("## Against the limits\n\n");
        if (findings.isEmpty()) {
            md.append("Every p99 is below one second; row-level security stays within 1.25× on the report queries and")
                    .append(" 1.10× on the enrolment transaction.\n");
        } else {
            findings.forEach(finding -> md.append("- ").append(finding).append('\n'));
        }
        String modules = KeptSection.MODULES.in(file);
        if (!modules.isEmpty()) {
            md.append('\n').append(modules);
        }
        String webhooks = WebhookResults.section(file);
        if (!webhooks.isEmpty()) {
            md.append('\n').append(webhooks);
        }
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static String dataset(JsonNode dataset) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "Scale %s of the national dataset (generated %s): %d municipalities in %d federations, %d people, %d"
                        + " courses, %d offerings, %d enrolments.\n\n",
                dataset.path("scale").asString(),
                dataset.path("generatedAt").asString(),
                dataset.path("municipalities").size(),
                dataset.path("federations").size(),
                dataset.path("people").asLong(),
                dataset.path("courses").asLong(),
                dataset.path("offerings").asLong(),
                dataset.path("enrolments").asLong()));
        text.append("Measured as the suite first found it: the first run keeps a copy, every later run puts it back"
                + " first (`AsGenerated`), as the suite writes (its rushes alone add 20,000 enrolments or more).\n\n");
        if (dataset.has("enrolmentHistory")) {
            text.append("Enrolment history: ")
                    .append(dataset.path("enrolmentHistory").asString())
                    .append("\n\n");
        }
        text.append("| generator stage | seconds |\n| --- | --- |\n");
        dataset.path("stagesSeconds")
                .properties()
                .forEach(stage -> text.append("| ")
                        .append(stage.getKey())
                        .append(" | ")
                        .append(fmt(stage.getValue().asDouble()))
                        .append(" |\n"));
        return text.toString();
    }

    /** The machine: processors, memory, operating system, JVM. */
    static final class Machine {
        private Machine() {}

        static String describe() {
            String cpu = "unknown processor";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                        .filter(line -> line.startsWith("model name"))
                        .findFirst()
                        .map(line -> line.substring(line.indexOf(':') + 1).strip())
                        .orElse(cpu);
            } catch (IOException | RuntimeException e) {
                // not Linux: the processor's name stays unknown
            }
            long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize();
            return String.format(
                    Locale.ROOT,
                    "%d cores (%s), %d GB memory, %s %s, Java %s (%s); PostgreSQL 18 from the embedded binaries, Kafka"
                            + " and Keycloak from their Maven artifacts, all on this one machine.",
                    Runtime.getRuntime().availableProcessors(),
                    cpu,
                    Math.round(memory / 1e9),
                    System.getProperty("os.name"),
                    System.getProperty("os.version"),
                    System.getProperty("java.version"),
                    System.getProperty("java.vendor"));
        }
    }
}
