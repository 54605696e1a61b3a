package se.samlyft.gateway.routing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.samlyft.platform.problem.web.ProblemResponses;

/**
 * Answers a request whose service's answer broke off while it was passed on: 504 when the service's timeout cut it
 * off, 502 when the connection broke, as long as nothing was sent to the client yet (the service's partial answer and
 * headers are dropped, the gateway's own headers kept); otherwise the client's connection is closed with the answer
 * incomplete, which is all HTTP allows.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BrokenAnswers {

    private static final Logger log = LoggerFactory.getLogger(BrokenAnswers.class);

    /** The gateway's own headers, kept when the service's partial answer is thrown away. */
    private static final List<String> KEPT_HEADERS =
            List.of("X-Correlation-Id", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers", "Vary");

    @ExceptionHandler(AnswerBrokeOff.class)
    void brokeOff(AnswerBrokeOff failure, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean timedOut = request.getAttribute(RelayingProxyExchange.STARTED) instanceof Long started
                && Duration.ofNanos(System.nanoTime() - started).compareTo(failure.timeout()) >= 0;
        log.warn(
                "The answer of the {} service broke off ({})",
                failure.service(),
                timedOut ? "timeout of " + failure.timeout() : "connection");
        if (response.isCommitted()) {
            return;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeader(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        response.reset();
        kept.forEach(response::setHeader);
        ProblemResponses.write(
                request,
                response,
                timedOut
                        ? ProblemResponses.problem(
                                504,
                                "The " + failure.service() + " service did not finish its answer in time; try again"
                                        + " shortly.")
                        : ProblemResponses.problem(
                                502, "The answer of the " + failure.service() + " service broke off; try again."));
    }
}
