package se.samlyft.platform.problem;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Optimistic concurrency over HTTP for aggregates that carry an integer version. A representation is answered with
 * the strong ETag {@link #of(long) of} its version; an update must send it back in {@code If-Match}, and
 * {@link #requireMatch} refuses the update with 428 when the header is missing and with 412 when the version has
 * moved on, so that a concurrent change is never silently overwritten.
 */
public final class ETags {

    /** The header an update names its version in. */
    public static final String IF_MATCH = "If-Match";

    private ETags() {}

    /** The strong ETag of {@code version}: the number in double quotes, for example {@code "3"}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks an update's {@code If-Match} against the current version, comparing strongly (RFC 9110, section 13.1.1):
     * a weak tag never matches, and {@code *} matches any current version.
     *
     * @param ifMatch the {@code If-Match} header as received, or null when there was none
     * @param currentVersion the version of the aggregate as stored now
     * @throws PreconditionRequired when there is no {@code If-Match}
     * @throws PreconditionFailed when {@code If-Match} names other versions only
     * @throws InvalidInput when {@code If-Match} is not a list of quoted entity tags
     */
    public static void requireMatch(@Nullable String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired("This update needs an If-Match header with the ETag of the version it"
                    + " changes; read the object first and send its ETag back.");
        }
        if (!matches(ifMatch, of(currentVersion))) {
            throw new PreconditionFailed("The object has changed since the version named in If-Match; read it"
                    + " again, apply the change to the current version and send its ETag.");
        }
    }

    /** Whether the {@code If-Match} value {@code ifMatch} matches the strong tag {@code etag}. */
    public static boolean matches(String ifMatch, String etag) {
        if (ifMatch.strip().equals("*")) {
            return true;
        }
        return entityTags(ifMatch).contains(etag);
    }

    private static List<String> entityTags(String header) {
        List<String> tags = new ArrayList<>();
        int at = skipBlanks(header, 0);
        while (at < header.length()) {
            boolean weak = header.startsWith("W/", at);
            int open = weak ? at + 2 : at;
            int close = open < header.length() && header.charAt(open) == '"' ? header.indexOf('"', open + 1) : -1;
            if (close < 0) {
                throw malformed();
            }
            tags.add((weak ? "W/" : "") + header.substring(open, close + 1));
            at = skipBlanks(header, close + 1);
            if (at < header.length()) {
                if (header.charAt(at) != ',') {
                    throw malformed();
                }
                at = skipBlanks(header, at + 1);
            }
        }
        if (tags.isEmpty()) {
            throw malformed();
        }
        return tags;
    }

    private static int skipBlanks(String header, int from) {
        int at = from;
        while (at < header.length() && (header.charAt(at) == ' ' || header.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    private static InvalidInput malformed() {
        return new InvalidInput(IF_MATCH, "must be the ETag as it was received, quotes included, for example \"3\"");
    }
}
