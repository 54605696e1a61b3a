package se.samlyft.reporting.projection;

import java.util.regex.Pattern;

/** Checks the slugs the events name tenants and workplaces by. */
final class Slug {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Slug() {}

    static String require(String value, String what) {
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " is not a slug: '" + value + "'");
        }
        return value;
    }
}
