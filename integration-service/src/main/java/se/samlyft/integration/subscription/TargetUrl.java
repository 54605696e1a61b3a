package se.samlyft.integration.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import se.samlyft.platform.problem.InvalidInput;

/**
 * Where a subscription's webhooks go: an absolute {@code https} URL (or {@code http}, which {@link TargetPolicy} allows
 * only to this machine in the local platform) with a host, and without user information or a fragment. Whether its
 * host may be called at all is {@link TargetPolicy}'s to say.
 */
public record TargetUrl(URI uri) {

    static final String FIELD = "targetUrl";
    private static final int MAX_LENGTH = 2000;

    public TargetUrl {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidInput(FIELD, "must be an absolute https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidInput(FIELD, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInput(FIELD, "must not carry a user name or password; the signature authenticates");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidInput(FIELD, "must not have a fragment (#...)");
        }
        if (uri.toString().length() > MAX_LENGTH) {
            throw new InvalidInput(FIELD, "must be at most " + MAX_LENGTH + " characters long");
        }
    }

    /**
     * The URL a client sent.
     *
     * @throws InvalidInput if it is not an absolute http(s) URL as above
     */
    public static TargetUrl parse(String text) {
        try {
            return new TargetUrl(new URI(text.strip()));
        } catch (URISyntaxException e) {
            throw new InvalidInput(FIELD, "is not a URL: " + e.getReason());
        }
    }

    public boolean isHttps() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    /** The host as the URL names it: a name, or an address (an IPv6 one without its brackets). */
    public String host() {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The port the URL names, or its scheme's. */
    public int port() {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return isHttps() ? 443 : 80;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
