package se.samlyft.systemtest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An integrator's webhook receiver in the test JVM, on loopback, written from the Standard Webhooks specification: for
 * each path it knows the subscription's secret, and it answers 204 only to a request whose {@code webhook-signature}
 * holds a {@code v1} HMAC-SHA256 of {@code <webhook-id>.<webhook-timestamp>.<body>} under the secret's bytes and whose
 * timestamp is within five minutes; anything else gets 401. It keeps every request it accepted, and can be stopped and
 * started again on the same port.
 */
final class WebhookReceiver {

    private static final long TOLERANCE_SECONDS = 300;

    private final int port;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private HttpServer server;

    WebhookReceiver(int port) {
        this.port = port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Verifies the requests to {@code path} with {@code secret} ({@code whsec_...}) from now on. */
    void expect(String path, String secret) {
        secrets.put(path, secret);
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("The receiver cannot listen on port " + port, e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::receive);
        server.start();
    }

    /** Stops listening once the requests under way are answered; a sender then finds the port closed. */
    synchronized void stop() {
        if (server != null) {
            server.stop(2);
            server = null;
        }
    }

    List<Accepted> accepted(String path) {
        return accepted.stream().filter(request -> request.path().equals(path)).toList();
    }

    List<String> refused() {
        return List.copyOf(refused);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String secret = secrets.get(path);
            if (secret == null || id == null || !verified(secret, id, timestamp, signature, body)) {
                refused.add(path + " " + id);
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            accepted.add(new Accepted(path, id, body, Instant.now()));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static boolean verified(String secret, String id, String timestamp, String signatures, String body) {
        if (timestamp == null || signatures == null) {
            return false;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp);
        } catch (NumberFormatException notSeconds) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - sent) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return Arrays.stream(signatures.split(" "))
                .filter(candidate -> candidate.startsWith("v1,"))
                .anyMatch(candidate -> MessageDigest.isEqual(expected, decode(candidate.substring(3))));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    /** A webhook the receiver verified and accepted. */
    record Accepted(String path, String webhookId, String body, Instant at) {}
}
