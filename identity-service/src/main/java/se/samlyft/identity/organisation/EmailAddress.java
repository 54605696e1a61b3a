package se.samlyft.identity.organisation;

import java.util.Locale;
import java.util.regex.Pattern;
import se.samlyft.platform.problem.InvalidInput;

/** An e-mail address, stored as given and compared without regard to case. */
public record EmailAddress(String value) {

    private static final Pattern FORM = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public EmailAddress {
        if (value == null
                || value.strip().length() > 254
                || !FORM.matcher(value.strip()).matches()) {
            throw new InvalidInput("email", "must be an e-mail address such as anna.lind@arvidsjaur.se");
        }
        value = value.strip();
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    /** The address in lower case, as uniqueness compares it. */
    public String normalised() {
        return value.toLowerCase(Locale.ROOT);
    }
}
