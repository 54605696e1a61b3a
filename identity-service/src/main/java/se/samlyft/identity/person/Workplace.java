package se.samlyft.identity.person;

import java.util.Locale;
import java.util.regex.Pattern;
import se.samlyft.platform.problem.InvalidInput;

/**
 * A unit inside an organisation, for example {@code hemtjanst-centrum} "Hemtjänst Centrum". The code is taken in
 * lower case without surrounding space, as HR systems write it in either case.
 */
public record Workplace(String id, String name) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Workplace {
        id = id == null ? null : id.strip().toLowerCase(Locale.ROOT);
        if (id == null || id.length() > 63 || !SLUG.matcher(id).matches()) {
            throw new InvalidInput(
                    "workplaceId",
                    "must be a stable code in lower-case letters, digits and dashes, e.g. hemtjanst-centrum");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInput("workplaceName", "must be given, at most 200 characters");
        }
        name = name.strip();
    }
}
