package se.samlyft.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A plain HTTP server standing in for one instance of a service: it answers every path with the service's name (and
 * {@code /v3/api-docs} with a small OpenAPI document titled after it), after an optional delay, with one security
 * header of its own as a Spring service sends it, and records what it received, apart from the load balancer's
 * readiness checks.
 */
final class StandInService {

    /** One request as the stand-in received it; header names in lower case. */
    record Received(String service, int port, String method, String path, Map<String, String> headers, long bodyBytes) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static final String READINESS = "/actuator/health/readiness";

    private final String service;
    private final HttpServer server;
    private final Duration delay;
    private final boolean ready;
    private final boolean stallsMidAnswer;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private StandInService(String service, Duration delay, boolean ready, boolean stallsMidAnswer) {
        this.service = service;
        this.delay = delay;
        this.ready = ready;
        this.stallsMidAnswer = stallsMidAnswer;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the stand-in " + service + " service", e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    static StandInService start(String service) {
        return new StandInService(service, Duration.ZERO, true, false);
    }

    /** An instance that starts answering only after {@code delay}. */
    static StandInService startSlow(String service, Duration delay) {
        return new StandInService(service, delay, true, false);
    }

    /** An instance that starts answering at once, then stops for {@code delay} halfway through the body. */
    static StandInService startStalling(String service, Duration delay) {
        return new StandInService(service, delay, true, true);
    }

    /** An instance that runs but says it is not ready, as a service does while it starts or shuts down. */
    static StandInService startUnready(String service) {
        return new StandInService(service, Duration.ZERO, false, false);
    }

    /** An address where nothing listens: a stopped instance. */
    static String stoppedInstance() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void forget() {
        received.clear();
    }

    private void pause() {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        long bodyBytes;
        try (InputStream body = exchange.getRequestBody()) {
            bodyBytes = body.transferTo(OutputStream.nullOutputStream());
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith(READINESS)) {
            exchange.sendResponseHeaders(ready ? 200 : 503, -1);
            exchange.close();
            return;
        }
        received.add(new Received(service, port(), exchange.getRequestMethod(), path, headers, bodyBytes));
        if (!stallsMidAnswer) {
            pause();
        }
        String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        if (correlationId != null) {
            exchange.getResponseHeaders().add("X-Correlation-Id", correlationId);
        }
        exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        byte[] answer;
        if (path.equals("/v3/api-docs")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            answer = ("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + service + "\",\"version\":\"1\"}}")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            answer = service.getBytes(StandardCharsets.UTF_8);
        }
        try {
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                int half = answer.length / 2;
                out.write(answer, 0, half);
                out.flush();
                if (stallsMidAnswer) {
                    pause();
                }
                out.write(answer, half, answer.length - half);
            }
        } catch (IOException gatewayGaveUp) {
            exchange.close();
        }
    }
}
