package se.samlyft.platform.problem.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Context;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import se.samlyft.platform.web.CorrelationIdFilter;

/**
 * Answers the requests Tomcat refuses by itself, before any filter or controller sees them (an encoded slash or NUL
 * in the path, a header line too long, too many headers), as every other refusal is answered: an RFC 9457 problem
 * with a correlation id and the platform's security headers, instead of the container's HTML page. It replaces
 * Tomcat's error report on the host; errors inside the application still go to its error page.
 */
public final class ContainerRefusals
        implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    /**
     * The platform's security headers, as Spring Security writes them on every other answer of the gateway: JSON only,
     * never framed, no referrer, nothing cached.
     */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-XSS-Protection", "0",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Pragma", "no-cache",
            "Expires", "0");

    static final String DETAIL_400 = "The request cannot be read: its path holds a character the platform refuses"
            + " (such as an encoded slash or NUL), or its headers are too large or too many.";

    /** After Spring Boot's own customizer, which adds an error report valve of its own that this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(ContainerRefusals::replaceErrorReport);
    }

    private static void replaceErrorReport(Context context) {
        if (!(context.getParent() instanceof StandardHost host)) {
            return;
        }
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReport)) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new ProblemReport());
        host.setErrorReportValveClass(ProblemReport.class.getName());
    }

    /** Tomcat's error report, as a problem. */
    public static final class ProblemReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String correlationId = UUID.randomUUID().toString();
            ProblemDetail problem =
                    ProblemResponses.problem(status, status == 400 ? DETAIL_400 : ProblemTexts.detailOf(status));
            problem.setProperty(ProblemResponses.CORRELATION_ID, correlationId);
            byte[] body = ProblemResponses.bytesOf(problem);
            try {
                response.resetBuffer();
                SECURITY_HEADERS.forEach(response::setHeader);
                if (request.isSecure()) {
                    response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
                }
                response.setHeader(CorrelationIdFilter.HEADER, correlationId);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setContentLength(body.length);
                OutputStream out = response.getOutputStream();
                out.write(body);
                response.finishResponse();
            } catch (IOException | IllegalStateException cannotWrite) {
                container.getLogger().debug("Could not write the problem of a refused request", cannotWrite);
            }
        }
    }
}
