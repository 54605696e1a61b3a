package se.samlyft.platform.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import se.samlyft.platform.idempotency.IdempotencyStore.Claim;
import se.samlyft.platform.idempotency.IdempotencyStore.Header;
import se.samlyft.platform.idempotency.IdempotencyStore.Key;
import se.samlyft.platform.idempotency.IdempotencyStore.StoredResponse;
import se.samlyft.platform.problem.web.ProblemResponses;
import se.samlyft.platform.problem.web.RequestBodyTooLarge;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.tenancy.TenantId;

/**
 * Makes a POST with an {@code Idempotency-Key} safe to retry. The first request with a key runs; a retry with the same
 * key, method, path and body gets the first response again (status, body and the headers in {@link #REPLAYED_HEADERS},
 * marked {@code Idempotent-Replayed: true}); the same key with another request gets 422; a retry while the first is
 * still running gets 409. A response of 400 or above is not kept: the request had no effect, and a retry runs again.
 * Keys belong to the tenant and the subject of the token, so another caller's key never collides. A key that is not
 * well-formed ({@link IdempotencyKeys}) is refused with 400, whoever sends it; a request without the header, of another
 * method, or of a caller without a tenant passes otherwise untouched. Handlers must answer
 * synchronously: the response is captured when the filter chain returns.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    /** The request header that names the key. */
    public static final String HEADER = IdempotencyKeys.HEADER;

    /** The response header that marks a replayed response. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /** The response headers kept and replayed besides status and body. */
    public static final List<String> REPLAYED_HEADERS =
            List.of("Location", "Content-Location", "Content-Type", "Content-Language", "ETag", "Last-Modified");

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;

    public IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !IdempotencyKeys.appliesTo(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (IdempotencyKeys.refusedIfMalformed(request, response)) {
            return;
        }
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken authentication)
                || Caller.from(authentication.getToken()).tenant().isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Jwt token = authentication.getToken();
        Caller caller = Caller.from(token);
        String value = IdempotencyKeys.unquoted(request.getHeader(HEADER));
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestBodyTooLarge tooLarge) {
            ProblemResponses.write(request, response, tooLarge.problem());
            return;
        }
        String subject = token.getSubject() == null ? caller.username() : token.getSubject();
        Key key = new Key(caller.tenant().map(TenantId::value).orElseThrow(), subject, value);
        switch (store.claim(key, hashOf(request, body))) {
            case Claim.Claimed claimed -> runOnce(new CachedBodyRequest(request, body), response, chain, key);
            case Claim.Replay replay -> replay(replay.response(), response);
            case Claim.InFlight inFlight -> {
                response.setHeader("Retry-After", "1");
                ProblemResponses.write(
                        request,
                        response,
                        ProblemResponses.problem(
                                409,
                                "A request with this Idempotency-Key is still being processed; retry when it has"
                                        + " been answered."));
            }
            case Claim.OtherRequest otherRequest ->
                ProblemResponses.write(
                        request,
                        response,
                        ProblemResponses.problem(
                                422,
                                "This Idempotency-Key was used for another request (method, path or body); use a new"
                                        + " key for a new request."));
        }
    }

    private void runOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Key key)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean answered = false;
        try {
            chain.doFilter(request, captured);
            answered = true;
        } finally {
            if (!answered) {
                releaseQuietly(key);
            }
        }
        if (captured.getStatus() < 400) {
            keep(key, captured);
        } else {
            releaseQuietly(key);
        }
        captured.copyBodyToResponse();
    }

    private void keep(Key key, ContentCachingResponseWrapper captured) {
        List<Header> headers = new ArrayList<>();
        for (String name : REPLAYED_HEADERS) {
            for (String value : captured.getHeaders(name)) {
                headers.add(new Header(name, value));
            }
        }
        try {
            store.complete(key, new StoredResponse(captured.getStatus(), headers, captured.getContentAsByteArray()));
        } catch (RuntimeException failure) {
            log.error(
                    "Could not keep the response to Idempotency-Key {}; a retry gets 409 until the claim times out",
                    key.value(),
                    failure);
        }
    }

    private void releaseQuietly(Key key) {
        try {
            store.release(key);
        } catch (RuntimeException failure) {
            log.warn(
                    "Could not release Idempotency-Key {}; it is free again when its claim times out",
                    key.value(),
                    failure);
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        for (Header header : stored.headers()) {
            if (header.name().equalsIgnoreCase("Content-Type")) {
                response.setContentType(header.value());
            } else {
                response.addHeader(header.name(), header.value());
            }
        }
        response.setHeader(REPLAYED, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private static byte[] hashOf(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            String query = request.getQueryString();
            sha256.update((query == null ? "" : query).getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return sha256.digest(body);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every JDK has SHA-256", missing);
        }
    }

    /** The request with its body read once into memory, so that the hash and the handler both see all of it. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
