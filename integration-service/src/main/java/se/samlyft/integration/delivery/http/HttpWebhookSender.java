package se.samlyft.integration.delivery.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import se.samlyft.integration.delivery.WebhookSender;
import se.samlyft.integration.subscription.TargetPolicy;
import se.samlyft.integration.subscription.TargetRefused;
import se.samlyft.integration.subscription.TargetUrl;

/**
 * Sends webhooks with Apache HttpClient. Before each request the target's scheme, port and addresses are checked by the
 * {@link TargetPolicy}; the client's DNS resolver resolves a new connection's host through the same policy, so the
 * connection goes to addresses that were checked, not to what the name resolves to a moment later. No redirect is
 * followed (a 3xx is a failure), no proxy is used, nothing is retried here (the retry schedule decides), and no more
 * than 16 KB of an answer is read. Connections are pooled per target.
 */
public final class HttpWebhookSender implements WebhookSender, AutoCloseable {

    static final String CONTENT_TYPE = "application/cloudevents+json";
    static final String USER_AGENT = "Samlyft-Webhooks/1.0";
    private static final int MAX_ANSWER_BYTES = 16 * 1024;

    private final TargetPolicy policy;
    private final Clock clock;
    private final CloseableHttpClient client;

    public HttpWebhookSender(
            TargetPolicy policy, Duration connectTimeout, Duration responseTimeout, int connections, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        PoolingHttpClientConnectionManager connectionManager = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckedResolver(policy))
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(Math.max(2, connections / 4))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(responseTimeout))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(USER_AGENT)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .build())
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    @Override
    public Answer send(Request request) {
        Instant started = clock.instant();
        try {
            TargetUrl target = new TargetUrl(request.target());
            policy.addressesOf(target.host(), target.port(), target.isHttps());
            HttpPost post = new HttpPost(request.target());
            post.setHeader("webhook-id", request.webhookId());
            post.setHeader("webhook-timestamp", Long.toString(request.timestamp()));
            post.setHeader("webhook-signature", request.signature());
            post.setEntity(new StringEntity(request.body(), ContentType.create(CONTENT_TYPE, "UTF-8")));
            try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
                readSome(response.getEntity());
                return new Answer(
                        response.getCode(), null, took(started), retryAfter(response.getFirstHeader("Retry-After")));
            }
        } catch (TargetRefused refused) {
            return failed(started, "the target may not be called: it " + refused.getMessage());
        } catch (UnknownHostException unknown) {
            return failed(started, "the host does not resolve");
        } catch (ConnectException refused) {
            return failed(started, "the connection was refused");
        } catch (SocketTimeoutException timeout) {
            return failed(started, "no answer in time");
        } catch (SSLException tls) {
            return failed(started, "TLS failed: " + tls.getMessage());
        } catch (IOException | RuntimeException e) {
            return failed(started, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private Answer failed(Instant started, String error) {
        return new Answer(null, error, took(started), Optional.empty());
    }

    private Duration took(Instant started) {
        return Duration.between(started, clock.instant());
    }

    /** Reads at most 16 KB of the answer; an answer read to its end leaves its connection for the next request. */
    private static void readSome(@Nullable HttpEntity entity) throws IOException {
        if (entity == null) {
            return;
        }
        byte[] buffer = new byte[4096];
        int read = 0;
        try (InputStream body = entity.getContent()) {
            int chunk;
            while (read < MAX_ANSWER_BYTES && (chunk = body.read(buffer)) != -1) {
                read += chunk;
            }
        }
    }

    private Optional<Duration> retryAfter(@Nullable Header header) {
        if (header == null || header.getValue() == null) {
            return Optional.empty();
        }
        String value = header.getValue().trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Optional.empty() : Optional.of(wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** Resolves a connection's host through the policy: only addresses it permits are connected to. */
    private record CheckedResolver(TargetPolicy policy) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return policy.connectionAddresses(host).toArray(InetAddress[]::new);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return host;
        }
    }
}
