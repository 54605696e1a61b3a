package se.samlyft.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** The latencies of one measured operation, and how many operations per second went through. */
final class Latencies {

    private final long[] nanos;
    private final Duration wall;

    Latencies(long[] nanos, Duration wall) {
        this.nanos = nanos.clone();
        Arrays.sort(this.nanos);
        this.wall = wall;
    }

    /** An operation measured once: it answers whether it went as expected; anything else stops the measuring. */
    @FunctionalInterface
    interface Operation {
        void run(int n) throws Exception;
    }

    /**
     * Runs {@code warmUp} unmeasured and then {@code count} measured operations on {@code clients} threads, each
     * thread taking the next number until all are taken.
     */
    static Latencies measure(int warmUp, int count, int clients, Operation operation) throws Exception {
        run(warmUp, clients, operation, new ConcurrentLinkedQueue<>());
        ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
        long began = System.nanoTime();
        run(count, clients, operation, samples);
        Duration wall = Duration.ofNanos(System.nanoTime() - began);
        return new Latencies(samples.stream().mapToLong(Long::longValue).toArray(), wall);
    }

    private static void run(int count, int clients, Operation operation, ConcurrentLinkedQueue<Long> samples)
            throws Exception {
        if (count == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> futures = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(executor.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        operation.run(n);
                        samples.add(System.nanoTime() - start);
                    }
                    return null;
                }));
            }
            BenchPlatform.awaitAll(futures);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Several measurements as one: all their latencies, and the rate over their summed wall time. */
    static Latencies pooled(List<Latencies> measurements) {
        long[] all = measurements.stream()
                .flatMapToLong(measurement -> Arrays.stream(measurement.nanos))
                .toArray();
        Duration wall =
                measurements.stream().map(measurement -> measurement.wall).reduce(Duration.ZERO, Duration::plus);
        return new Latencies(all, wall);
    }

    int count() {
        return nanos.length;
    }

    double perSecond() {
        return nanos.length / Math.max(0.001, wall.toNanos() / 1e9);
    }

    /** The latency at {@code percentile} (0-100) in milliseconds, nearest rank. */
    double millis(double percentile) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        int index = Math.max(0, (int) Math.ceil(percentile / 100.0 * nanos.length) - 1);
        return nanos[Math.min(index, nanos.length - 1)] / 1e6;
    }

    double p50() {
        return millis(50);
    }

    double p99() {
        return millis(99);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%d ops, %.1f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                count(),
                perSecond(),
                p50(),
                p99(),
                millis(100));
    }
}
