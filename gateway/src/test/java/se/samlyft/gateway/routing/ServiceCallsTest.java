package se.samlyft.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import se.samlyft.gateway.GatewayProperties;
import se.samlyft.platform.problem.web.RequestBodyTooLarge;

/** How the gateway calls a service: which failures count, when it tries again, what the client gets. */
class ServiceCallsTest {

    private final ServiceCalls calls =
            new ServiceCalls(new GatewayProperties.CircuitBreaking(50, 4, 4, Duration.ofSeconds(30)));
    private final HandlerFilterFunction<ServerResponse, ServerResponse> toCatalog = calls.to("catalog");
    private final ServerRequest request = mock(ServerRequest.class);
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void triesTheNextInstanceOnceWhenAnInstanceRefusesTheConnection() throws Exception {
        ServerResponse response = toCatalog.filter(request, ignored -> {
            if (attempts.incrementAndGet() == 1) {
                throw refused();
            }
            return ServerResponse.ok().build();
        });

        assertThat(response.statusCode().value()).isEqualTo(200);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void answersServiceUnavailableWhenTheNextInstanceRefusesToo() throws Exception {
        ServerResponse response = toCatalog.filter(request, ignored -> {
            attempts.incrementAndGet();
            throw refused();
        });

        assertThat(response.statusCode().value()).isEqualTo(503);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void answersGatewayTimeoutWithoutTryingAgainWhenTheServiceIsLate() throws Exception {
        ServerResponse response = toCatalog.filter(request, ignored -> {
            attempts.incrementAndGet();
            throw new ResourceAccessException("late", new HttpTimeoutException("request timed out"));
        });

        assertThat(response.statusCode().value()).isEqualTo(504);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void opensTheCircuitAfterEnoughFailuresAndThenCallsNoMore() throws Exception {
        for (int i = 0; i < 4; i++) {
            toCatalog.filter(request, ignored -> {
                attempts.incrementAndGet();
                throw new ResourceAccessException("late", new HttpTimeoutException("request timed out"));
            });
        }

        ServerResponse open = toCatalog.filter(request, ignored -> {
            attempts.incrementAndGet();
            return ServerResponse.ok().build();
        });

        assertThat(open.statusCode().value()).isEqualTo(503);
        assertThat(open.headers().getFirst("Retry-After")).isEqualTo("30");
        assertThat(attempts).hasValue(4);
        assertThat(calls.circuitBreakers().circuitBreaker("catalog").getState()).hasToString("OPEN");
    }

    @Test
    void leavesTheClientsAndItsOwnFaultsToTheirHandlersWithoutCountingThem() {
        for (int i = 0; i < 5; i++) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> toCatalog.filter(request, ignored -> {
                        throw new IllegalStateException("a defect in the gateway");
                    }));
        }
        ResourceAccessException tooLarge = new ResourceAccessException("body", new RequestBodyTooLarge(1024));

        assertThat(ServiceCalls.unanswered(tooLarge)).isFalse();
        assertThat(ServiceCalls.unanswered(refused())).isTrue();
        assertThat(calls.circuitBreakers()
                        .circuitBreaker("catalog")
                        .getMetrics()
                        .getNumberOfFailedCalls())
                .isZero();
    }

    private static ResourceAccessException refused() {
        return new ResourceAccessException("refused", new ConnectException());
    }
}
