package se.samlyft.platform.problem.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies larger than a limit with a 413 problem: at once when {@code Content-Length} says so, and
 * while reading when a body without a length (chunked) grows past it. Spring MVC's JSON reading has no limit of its
 * own, so without this filter a client could make a service buffer any amount. The limit is per path: a small one for
 * every path, and larger ones for the few paths that take files (the first pattern that matches wins).
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final Map<PathPattern, Long> maxBytesByPath = new LinkedHashMap<>();

    public RequestSizeLimitFilter(long maxBytes) {
        this(maxBytes, Map.of());
    }

    /**
     * @param defaultMaxBytes the limit of every path that {@code maxBytesByPath} does not name
     * @param maxBytesByPath path patterns ({@code /api/identity/imports}, {@code /api/files/**}) and their limits
     */
    public RequestSizeLimitFilter(long defaultMaxBytes, Map<String, Long> maxBytesByPath) {
        this.defaultMaxBytes = defaultMaxBytes;
        maxBytesByPath.forEach(
                (pattern, limit) -> this.maxBytesByPath.put(PathPatternParser.defaultInstance.parse(pattern), limit));
    }

    /** The limit of a request to {@code path}. */
    long maxBytesOf(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return maxBytesByPath.entrySet().stream()
                .filter(entry -> entry.getKey().matches(container))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(defaultMaxBytes);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = maxBytesOf(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getContentLengthLong() > maxBytes) {
            ProblemResponses.write(request, response, RequestBodyTooLarge.problem(maxBytes));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private @Nullable LimitedInputStream stream;
        private @Nullable BufferedReader reader;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int next = delegate.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = delegate.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) throws RequestBodyTooLarge {
            read += bytes;
            if (read > maxBytes) {
                throw new RequestBodyTooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
