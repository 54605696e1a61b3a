package se.samlyft.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.samlyft.testsupport.TestTokens;

/**
 * What the gateway adds to a request: the same GET sent straight to a stand-in service and through the gateway (token
 * check, tenant, rate limit, circuit breaker, load balancer, trace context, access log), first at a fixed rate
 * (latency measured from the moment each request was due, so a stall counts in full) and then as fast as a fixed
 * number of concurrent clients can go (maximum throughput). Run on demand with {@code ./mvnw -B -pl gateway -am
 * -Pbench -DskipTests verify}; system properties {@code bench.rate} (requests per second), {@code bench.seconds},
 * {@code bench.warmup-seconds} and {@code bench.clients} change the load.
 */
public final class GatewayBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 50);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup-seconds", 10);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);

    /** A body of the size of a small page of courses. */
    private static final byte[] BODY = ("{\"items\":["
                    + "{\"id\":\"0b6d0c1e-5f7a-4c1e-9f0e-3d1c2b4a5e6f\",\"title\":\"Välfärdsteknik i omsorgen\"},"
                            .repeat(12)
                    + "{}],\"page\":0}")
            .getBytes(StandardCharsets.UTF_8);

    private GatewayBenchmark() {}

    public static void main(String[] args) throws Exception {
        HttpServer backend = startBackend();
        String backendUri = "http://127.0.0.1:" + backend.getAddress().getPort();
        TestTokens tokens = TestTokens.get();
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + tokens.issuer(),
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri(),
                        "--samlyft.routes.catalog=" + backendUri,
                        "--samlyft.gateway.rate-limit.per-tenant.requests=1000000",
                        "--samlyft.gateway.rate-limit.per-client.requests=1000000",
                        "--logging.threshold.console=warn",
                        "--logging.file.name=target/bench/gateway.log");
        int gatewayPort = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        String token = tokens.forUser("arvidsjaur-samordnare", "arvidsjaur", "coordinator");
        String path = "/api/catalog/courses?page=0";
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        Target straight = new Target("straight", client, URI.create(backendUri + path), token);
        Target throughGateway =
                new Target("gateway", client, URI.create("http://127.0.0.1:" + gatewayPort + path), token);
        try {
            System.out.printf(
                    Locale.ROOT,
                    "%s, %d cores, Java %s; fixed rate %d/s for %d s after %d s warm-up; %d clients for maximum"
                            + " throughput%n",
                    Instant.now(),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version(),
                    RATE,
                    SECONDS,
                    WARMUP_SECONDS,
                    CLIENTS);
            for (Target target : List.of(straight, throughGateway)) {
                fixedRate(target, WARMUP_SECONDS);
                maximumThroughput(target, WARMUP_SECONDS);
            }
            Latencies straightLatency = fixedRate(straight, SECONDS);
            Latencies gatewayLatency = fixedRate(throughGateway, SECONDS);
            double straightMax = maximumThroughput(straight, SECONDS);
            double gatewayMax = maximumThroughput(throughGateway, SECONDS);
            System.out.println();
            System.out.println("| | p50 (ms) | p99 (ms) | max throughput (req/s) |");
            System.out.println("| --- | --- | --- | --- |");
            row("straight to the service", straightLatency, straightMax);
            row("through the gateway", gatewayLatency, gatewayMax);
            System.out.printf(
                    Locale.ROOT,
                    "| gateway / straight | %.2f | %.2f | %.2f |%n",
                    gatewayLatency.p50() / straightLatency.p50(),
                    gatewayLatency.p99() / straightLatency.p99(),
                    gatewayMax / straightMax);
        } finally {
            gateway.close();
            backend.stop(0);
        }
        System.exit(0);
    }

    private static void row(String name, Latencies latency, double maximum) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.0f |%n", name, latency.p50(), latency.p99(), maximum);
    }

    /** One place to send the request to. */
    private record Target(String name, HttpClient client, URI uri, String token) {

        HttpRequest request() {
            return HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
        }
    }

    /** Latencies in milliseconds. */
    private record Latencies(double p50, double p99) {

        static Latencies of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latencies(percentile(sorted, 0.50), percentile(sorted, 0.99));
        }

        private static double percentile(long[] sorted, double fraction) {
            int index = (int) Math.ceil(fraction * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1_000_000.0;
        }
    }

    /** Sends {@code RATE} requests a second for {@code seconds}, each timed from when it was due. */
    private static Latencies fixedRate(Target target, int seconds) throws Exception {
        int count = RATE * seconds;
        long interval = 1_000_000_000L / RATE;
        long[] latencies = new long[count];
        AtomicLong failures = new AtomicLong();
        List<CompletableFuture<?>> pending = new ArrayList<>(count);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int slot = i;
            pending.add(target.client()
                    .sendAsync(target.request(), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((response, failure) -> {
                        latencies[slot] = System.nanoTime() - due;
                        if (failure != null || response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
        Latencies result = Latencies.of(latencies);
        System.out.printf(
                Locale.ROOT,
                "%-8s fixed rate %d/s, %d s: p50 %.2f ms, p99 %.2f ms, %d failed%n",
                target.name(),
                RATE,
                seconds,
                result.p50(),
                result.p99(),
                failures.get());
        return result;
    }

    /** Requests per second that {@code CLIENTS} clients, each sending the next request on an answer, complete. */
    private static double maximumThroughput(Target target, int seconds) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong completed = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<byte[]> response =
                                    target.client().send(target.request(), HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() == 200) {
                                completed.incrementAndGet();
                            } else {
                                failures.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
            Thread.sleep(Duration.ofSeconds(seconds));
            running.set(false);
        }
        double perSecond = completed.get() / ((System.nanoTime() - started) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "%-8s %d clients, %d s: %.0f requests/s, %d failed%n",
                target.name(),
                CLIENTS,
                seconds,
                perSecond,
                failures.get());
        return perSecond;
    }

    static HttpServer startBackend() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.transferTo(OutputStream.nullOutputStream());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.start();
        return server;
    }
}
