package se.samlyft.platform.tenancy;

import java.util.regex.Pattern;

/**
 * The stable slug that names a tenant: the alias of the organisation's Keycloak Organization, for example
 * {@code arvidsjaur} or {@code akademi-norr}. Lower-case ASCII letters and digits in dash-separated words.
 */
public record TenantId(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 63;

    public TenantId {
        if (value == null || value.length() > MAX_LENGTH || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("A tenant id is a lower-case slug of at most " + MAX_LENGTH
                    + " characters (letters a-z, digits, single dashes), not '" + value + "'");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
