package se.samlyft.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import se.samlyft.testsupport.TestTokens;

/**
 * The gateway's own cost, in a process of its own: its processor time per proxied call (from {@code /proc/<pid>/stat})
 * and its latency with one client, beside the same request straight to the stand-in service, then its throughput
 * and processor time per call with {@code bench.clients} clients. Each variant (JVM options and gateway settings) is
 * started, warmed up and measured in turn, twice, in one run, so that the variants share the machine's state. Run on
 * demand with {@code ./mvnw -B -pl gateway -am -Pbench -DskipTests verify
 * -Dbench.main=se.samlyft.gateway.GatewayProcessBenchmark}; {@code bench.requests} (2,000) sets the calls of one
 * client, {@code bench.seconds} the seconds at saturation, {@code bench.profiler} the path of async-profiler's
 * library to profile each variant's processor time into {@code target/bench/<variant>-<round>.collapsed}, {@code
 * bench.only} the beginning of the one variant's name to run.
 */
public final class GatewayProcessBenchmark {

    private static final int REQUESTS = Integer.getInteger("bench.requests", 2_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    private static final String PROFILER = System.getProperty("bench.profiler", "");
    private static final String ONLY = System.getProperty("bench.only", "");
    private static final long TICK_NANOS = 10_000_000L;
    private static final String PATH = "/api/catalog/courses?page=0";

    /** The variants: a name, the JVM options, the gateway's own settings. */
    private static final Map<String, List<List<String>>> VARIANTS = new LinkedHashMap<>();

    static {
        List<String> quick = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        List<String> optimising = List.of("-Xmx384m", "-XX:+UseSerialGC");
        List<String> everyTokenChecked = List.of("--samlyft.gateway.security.token-cache-size=0");
        VARIANTS.put("before: quick compiler, every token checked", List.of(quick, everyTokenChecked));
        VARIANTS.put("optimising compiler, every token checked", List.of(optimising, everyTokenChecked));
        VARIANTS.put("now: optimising compiler, tokens kept", List.of(optimising, List.of()));
    }

    private GatewayProcessBenchmark() {}

    public static void main(String[] args) throws Exception {
        HttpServer backend = GatewayBenchmark.startBackend();
        String backendUri = "http://127.0.0.1:" + backend.getAddress().getPort();
        TestTokens tokens = TestTokens.get();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        Files.createDirectories(Path.of("target/bench"));
        System.out.printf(
                Locale.ROOT,
                "%s, %d cores, Java %s; %d calls with one client, then %d clients for %d s; %d rounds%n",
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                REQUESTS,
                CLIENTS,
                SECONDS,
                ROUNDS);
        Map<String, List<Result>> results = new LinkedHashMap<>();
        List<Double> straight = new ArrayList<>();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                for (Map.Entry<String, List<List<String>>> variant : VARIANTS.entrySet()) {
                    if (!ONLY.isBlank() && !variant.getKey().startsWith(ONLY)) {
                        continue;
                    }
                    Result result = measure(
                            variant.getKey(),
                            round,
                            variant.getValue().get(0),
                            variant.getValue().get(1),
                            backendUri,
                            tokens,
                            client);
                    results.computeIfAbsent(variant.getKey(), name -> new ArrayList<>())
                            .add(result);
                }
                String token = tokens.forUser("arvidsjaur-samordnare", "arvidsjaur", "coordinator");
                double[] direct = oneClient(client, URI.create(backendUri + PATH), token, REQUESTS);
                straight.add(percentile(direct, 0.50));
                System.out.printf(
                        Locale.ROOT, "straight to the stand-in, one client: p50 %.2f ms%n", percentile(direct, 0.50));
            }
        } finally {
            backend.stop(0);
        }
        System.out.println();
        System.out.println("| variant | round | gateway processor ms per call, one client (of which JIT) | p50 ms |"
                + " p99 ms | p50 straight ms | req/s at " + CLIENTS + " clients | processor ms per call there"
                + " (of which JIT) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        results.forEach((name, rounds) -> {
            for (int i = 0; i < rounds.size(); i++) {
                Result r = rounds.get(i);
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %d | %.3f (%.3f) | %.2f | %.2f | %.2f | %.0f | %.3f (%.3f) |%n",
                        name,
                        i + 1,
                        r.processorMsOneClient(),
                        r.compilingMsOneClient(),
                        r.p50(),
                        r.p99(),
                        straight.get(i),
                        r.throughput(),
                        r.processorMsSaturated(),
                        r.compilingMsSaturated());
            }
        });
        System.exit(0);
    }

    private record Result(
            double processorMsOneClient,
            double compilingMsOneClient,
            double p50,
            double p99,
            double throughput,
            double processorMsSaturated,
            double compilingMsSaturated) {}

    /** The processor time of a process so far, user and system, in clock ticks: all, and its JIT compilers'. */
    private record Ticks(long all, long compiling) {

        static Ticks of(long pid) throws IOException {
            long all = 0;
            long compiling = 0;
            try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path thread : threads.toList()) {
                    String stat;
                    try {
                        stat = Files.readString(thread.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    all += ticks;
                    if (name.contains("CompilerThre")) {
                        compiling += ticks;
                    }
                }
            }
            return new Ticks(all, compiling);
        }

        Ticks since(Ticks earlier) {
            return new Ticks(all - earlier.all, compiling - earlier.compiling);
        }

        double millisPer(long calls) {
            return all * TICK_NANOS / 1e6 / calls;
        }

        double compilingMillisPer(long calls) {
            return compiling * TICK_NANOS / 1e6 / calls;
        }
    }

    private static Result measure(
            String name,
            int round,
            List<String> jvmOptions,
            List<String> settings,
            String backendUri,
            TestTokens tokens,
            HttpClient client)
            throws Exception {
        String token = tokens.forUser("arvidsjaur-samordnare", "arvidsjaur", "coordinator");
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        String label = name.replaceAll("[^a-z]+", "-") + round;
        if (!PROFILER.isBlank()) {
            command.add("-agentpath:" + PROFILER + "=start,event=itimer,interval=1ms,collapsed,file=target/bench/"
                    + label + ".collapsed");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GatewayApplication.class.getName()));
        command.addAll(List.of(
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + tokens.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri(),
                "--samlyft.routes.catalog=" + backendUri,
                "--samlyft.management-ports.catalog=" + URI.create(backendUri).getPort(),
                "--samlyft.gateway.rate-limit.per-tenant.requests=1000000",
                "--samlyft.gateway.rate-limit.per-client.requests=1000000",
                "--samlyft.gateway.rate-limit.per-person.requests=1000000"));
        command.addAll(settings);
        Process gateway = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/bench/" + label + ".out"))
                .start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + port + PATH);
            awaitAnswer(client, uri, token, gateway);
            clients(client, uri, token, SECONDS);
            oneClient(client, uri, token, REQUESTS);
            clients(client, uri, token, SECONDS);
            clients(client, uri, token, SECONDS);
            Ticks before = Ticks.of(gateway.pid());
            double[] latencies = oneClient(client, uri, token, REQUESTS);
            Ticks oneClient = Ticks.of(gateway.pid()).since(before);
            before = Ticks.of(gateway.pid());
            long[] completed = new long[1];
            double throughput = clients(client, uri, token, SECONDS, completed);
            Ticks saturated = Ticks.of(gateway.pid()).since(before);
            Result result = new Result(
                    oneClient.millisPer(REQUESTS),
                    oneClient.compilingMillisPer(REQUESTS),
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.99),
                    throughput,
                    saturated.millisPer(completed[0]),
                    saturated.compilingMillisPer(completed[0]));
            System.out.printf(Locale.ROOT, "%s, round %d: %s%n", name, round, result);
            return result;
        } finally {
            gateway.destroy();
            gateway.waitFor();
        }
    }

    private static void awaitAnswer(HttpClient client, URI uri, String token, Process gateway) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && gateway.isAlive()) {
            try {
                if (client.send(request(uri, token), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("The gateway did not answer; see target/bench/*.out");
    }

    private static double[] oneClient(HttpClient client, URI uri, String token, int requests) throws Exception {
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request(uri, token), HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = (System.nanoTime() - started) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Answered " + response.statusCode() + ": " + new String(response.body()));
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double clients(HttpClient client, URI uri, String token, int seconds) throws Exception {
        return clients(client, uri, token, seconds, new long[1]);
    }

    private static double clients(HttpClient client, URI uri, String token, int seconds, long[] completedOut)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong completed = new AtomicLong();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CLIENTS; i++) {
                pool.submit(() -> {
                    while (running.get()) {
                        HttpResponse<Void> response =
                                client.send(request(uri, token), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("Answered " + response.statusCode());
                        }
                        completed.incrementAndGet();
                    }
                    return null;
                });
            }
            Thread.sleep(Duration.ofSeconds(seconds));
            running.set(false);
        }
        completedOut[0] = completed.get();
        return completed.get() / ((System.nanoTime() - started) / 1e9);
    }

    private static HttpRequest request(URI uri, String token) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    private static double percentile(double[] sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
