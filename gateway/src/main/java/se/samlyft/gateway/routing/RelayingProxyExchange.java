package se.samlyft.gateway.routing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The proxy exchange of one service. It notes when the call started, and tells a failure to read the service's answer
 * ({@link AnswerBrokeOff}) from a failure to write it to the client.
 */
final class RelayingProxyExchange extends RestClientProxyExchange {

    /** The request attribute with the {@link System#nanoTime()} at which the call to the service started. */
    static final String STARTED = RelayingProxyExchange.class.getName() + ".started";

    private final String service;
    private final Duration timeout;

    RelayingProxyExchange(RestClient client, GatewayMvcProperties properties, String service, Duration timeout) {
        super(client, properties);
        this.service = service;
        this.timeout = timeout;
    }

    @Override
    public ServerResponse exchange(Request request) {
        request.getServerRequest().attributes().put(STARTED, System.nanoTime());
        return super.exchange(request);
    }

    @Override
    protected int copyResponseBody(
            ClientHttpResponse clientResponse, InputStream inputStream, OutputStream outputStream) throws IOException {
        return super.copyResponseBody(
                clientResponse,
                new FilterInputStream(inputStream) {
                    @Override
                    public int read() throws IOException {
                        try {
                            return super.read();
                        } catch (IOException broken) {
                            throw new AnswerBrokeOff(service, timeout, broken);
                        }
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        try {
                            return super.read(buffer, offset, length);
                        } catch (IOException broken) {
                            throw new AnswerBrokeOff(service, timeout, broken);
                        }
                    }
                },
                outputStream);
    }
}
