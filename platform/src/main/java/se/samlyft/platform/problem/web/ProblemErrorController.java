package se.samlyft.platform.problem.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import se.samlyft.platform.web.CorrelationIdFilter;

/**
 * The error page as a problem: what the servlet container forwards to when an error happens outside Spring MVC's
 * exception handling, such as a failure in a filter, a request that the firewall rejects, or a
 * {@code sendError}. It names the status only, never the exception, and logs a server error with its correlation id.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final @Nullable ErrorAttributes errorAttributes;

    public ProblemErrorController(@Nullable ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable failure = failureOf(request);
        RequestBodyTooLarge tooLarge = failure == null ? null : Causes.find(failure, RequestBodyTooLarge.class);
        int status = tooLarge != null ? 413 : statusOf(request);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri
                : request.getRequestURI();
        ProblemDetail problem =
                tooLarge != null ? tooLarge.problem() : ProblemResponses.problem(status, ProblemTexts.detailOf(status));
        problem.setInstance(ProblemResponses.pathOf(path));
        if (status >= 500) {
            logServerError(response, path, failure);
        }
        ProblemResponses.write(request, response, problem);
    }

    private @Nullable Throwable failureOf(HttpServletRequest request) {
        Throwable failure = errorAttributes == null ? null : errorAttributes.getError(new ServletWebRequest(request));
        if (failure == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown) {
            failure = thrown;
        }
        return failure;
    }

    /** The status of the error being shown; a direct request for the error page finds nothing there. */
    private static int statusOf(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status
                && HttpStatus.resolve(status) != null
                && status >= 400) {
            return status;
        }
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null ? 404 : 500;
    }

    private static void logServerError(HttpServletResponse response, String path, @Nullable Throwable failure) {
        String correlationId = response.getHeader(CorrelationIdFilter.HEADER);
        boolean restore = MDC.get(CorrelationIdFilter.MDC_KEY) == null && correlationId != null;
        if (restore) {
            MDC.put(CorrelationIdFilter.MDC_KEY, correlationId);
        }
        try {
            log.error("Request {} failed outside the controllers (correlation id {})", path, correlationId, failure);
        } finally {
            if (restore) {
                MDC.remove(CorrelationIdFilter.MDC_KEY);
            }
        }
    }
}
