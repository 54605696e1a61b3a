package se.samlyft.gateway.routing;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import se.samlyft.gateway.GatewayProperties;
import se.samlyft.platform.problem.web.ProblemResponses;
import se.samlyft.platform.problem.web.RequestBodyTooLarge;

/**
 * Calls a service the way the gateway should: through its circuit breaker, once more on another instance when an
 * instance refuses the connection (nothing was sent, so any method may be repeated), and with a problem instead of a
 * hang when the service cannot answer: 503 when it is down or its circuit is open, 504 when it does not answer in
 * time. Answers of the service itself, 5xx included, pass through unchanged.
 */
public final class ServiceCalls {

    private static final Logger log = LoggerFactory.getLogger(ServiceCalls.class);

    /** Tries per request when instances refuse connections: the first choice and one other instance. */
    static final int ATTEMPTS_ON_REFUSED_CONNECTION = 2;

    private final CircuitBreakerRegistry circuitBreakers;
    private final long openForSeconds;

    public ServiceCalls(GatewayProperties.CircuitBreaking settings) {
        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRatePercent())
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(ServiceCalls::unanswered)
                .build());
        this.openForSeconds = Math.max(1, settings.openFor().toSeconds());
    }

    /** The registry of the services' circuit breakers, one per service, for metrics. */
    public CircuitBreakerRegistry circuitBreakers() {
        return circuitBreakers;
    }

    /** The filter for the routes to {@code service}. */
    public HandlerFilterFunction<ServerResponse, ServerResponse> to(String service) {
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(service);
        return (request, next) -> {
            try {
                return circuitBreaker.executeCallable(() -> {
                    for (int attempt = 1; ; attempt++) {
                        try {
                            return next.handle(request);
                        } catch (Exception failure) {
                            if (attempt >= ATTEMPTS_ON_REFUSED_CONNECTION || !refused(failure)) {
                                throw failure;
                            }
                        }
                    }
                });
            } catch (CallNotPermittedException open) {
                return problem(
                        503,
                        "The " + service + " service is failing, so the gateway does not call it for a while;"
                                + " try again shortly.",
                        openForSeconds);
            } catch (Exception failure) {
                if (!unanswered(failure)) {
                    throw failure;
                }
                if (timedOut(failure)) {
                    log.warn("The {} service did not answer in time ({})", service, kindOf(failure));
                    return problem(504, "The " + service + " service did not answer in time; try again shortly.", 0);
                }
                log.warn("The {} service cannot be reached ({})", service, kindOf(failure));
                return problem(503, "The " + service + " service cannot be reached; try again shortly.", 0);
            }
        };
    }

    /**
     * Whether the service gave no answer: the call failed on the way there or back (an I/O failure, or no instance to
     * call). A body that is too large is the client's fault, and any other exception the gateway's own.
     */
    static boolean unanswered(Throwable failure) {
        return find(failure, RequestBodyTooLarge.class) == null
                && (failure instanceof RestClientException || find(failure, IOException.class) != null);
    }

    private static boolean refused(Throwable failure) {
        return find(failure, ConnectException.class) != null
                && find(failure, HttpConnectTimeoutException.class) == null;
    }

    private static boolean timedOut(Throwable failure) {
        return find(failure, HttpConnectTimeoutException.class) == null
                && (find(failure, HttpTimeoutException.class) != null
                        || find(failure, SocketTimeoutException.class) != null);
    }

    /**
     * What went wrong, as the class of the innermost cause: the messages name the request's address, query included,
     * which may hold personal data that must not reach the log.
     */
    private static String kindOf(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return innermost.getClass().getName();
    }

    private static ServerResponse problem(int status, String detail, long retryAfterSeconds) {
        ProblemDetail problem = ProblemResponses.problem(status, detail);
        ServerResponse.BodyBuilder response = ServerResponse.status(HttpStatusCode.valueOf(status));
        if (retryAfterSeconds > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        return response.build((servletRequest, servletResponse) -> {
            ProblemResponses.write(servletRequest, servletResponse, problem);
            return null;
        });
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
