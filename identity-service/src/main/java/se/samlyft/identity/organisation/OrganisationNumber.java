package se.samlyft.identity.organisation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samlyft.platform.problem.InvalidInput;

/**
 * A Swedish organisation number of a legal person, written {@code NNNNNN-NNNN} (for example 212000-2627 for a
 * municipality): its third digit is at least 2, which no personal identity number has, and its last digit is the
 * Luhn check digit. A sole trader's personal identity number is refused, so that no such number reaches an event.
 */
public record OrganisationNumber(String value) {

    private static final Pattern FORM = Pattern.compile("([0-9]{6})-?([0-9]{4})");

    public OrganisationNumber {
        Matcher form = value == null ? null : FORM.matcher(value.strip());
        if (form == null || !form.matches()) {
            throw new InvalidInput("organisationNumber", "must be ten digits written NNNNNN-NNNN");
        }
        String digits = form.group(1) + form.group(2);
        if (digits.charAt(2) < '2') {
            throw new InvalidInput(
                    "organisationNumber",
                    "must be a legal person's number (third digit at least 2), not a personal one");
        }
        if (!Luhn.isValid(digits)) {
            throw new InvalidInput("organisationNumber", "has a wrong check digit");
        }
        value = form.group(1) + "-" + form.group(2);
    }

    public static OrganisationNumber of(String value) {
        return new OrganisationNumber(value);
    }
}
