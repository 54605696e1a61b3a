package se.samlyft.identity.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samlyft.identity.organisation.Luhn;
import se.samlyft.platform.problem.InvalidInput;

/**
 * A Swedish personal identity number (personnummer) or coordination number (samordningsnummer, day of birth plus
 * 60), held as twelve digits {@code YYYYMMDDNNNC}. It is accepted as {@code YYYYMMDD-NNNN}, {@code YYYYMMDDNNNN},
 * {@code YYMMDD-NNNN} or {@code YYMMDD+NNNN} (a hundred years or older), with a real date and the Luhn check digit.
 * {@link #toString()} masks it, so that it never reaches a log by accident.
 */
public final class PersonalIdentityNumber {

    private static final Pattern LONG = Pattern.compile("([0-9]{8})-?([0-9]{4})");
    private static final Pattern SHORT = Pattern.compile("([0-9]{6})([-+]?)([0-9]{4})");
    private static final String FIELD = "personalIdentityNumber";

    private final String digits;

    private PersonalIdentityNumber(String digits) {
        this.digits = digits;
    }

    /** Reads a number written in one of the accepted forms; {@code today} decides the century of a short one. */
    public static PersonalIdentityNumber parse(String text, LocalDate today) {
        String written = text == null ? "" : text.strip();
        Matcher full = LONG.matcher(written);
        Matcher short10 = SHORT.matcher(written);
        String twelve;
        if (full.matches()) {
            twelve = full.group(1) + full.group(2);
        } else if (short10.matches()) {
            int year = Integer.parseInt(short10.group(1).substring(0, 2));
            int century = (today.getYear() / 100) * 100;
            int fullYear = century + year > today.getYear() ? century - 100 + year : century + year;
            if (short10.group(2).equals("+")) {
                fullYear -= 100;
            }
            twelve = String.format("%04d", fullYear) + short10.group(1).substring(2) + short10.group(3);
        } else {
            throw new InvalidInput(FIELD, "must be written YYYYMMDD-NNNN or YYMMDD-NNNN");
        }
        requireDate(twelve, today);
        if (!Luhn.isValid(twelve.substring(2))) {
            throw new InvalidInput(FIELD, "has a wrong check digit");
        }
        return new PersonalIdentityNumber(twelve);
    }

    /** A number as stored, already validated when it was first read. */
    public static PersonalIdentityNumber restore(String twelveDigits) {
        if (twelveDigits.length() != 12 || !Luhn.isValid(twelveDigits.substring(2))) {
            throw new IllegalStateException("A stored personal identity number is not twelve valid digits");
        }
        return new PersonalIdentityNumber(twelveDigits);
    }

    private static void requireDate(String twelve, LocalDate today) {
        int year = Integer.parseInt(twelve.substring(0, 4));
        int month = Integer.parseInt(twelve.substring(4, 6));
        int day = Integer.parseInt(twelve.substring(6, 8));
        if (day > 60) {
            day -= 60;
        }
        try {
            LocalDate born = LocalDate.of(year, month, day);
            if (born.isAfter(today) || year < 1900) {
                throw new InvalidInput(FIELD, "must not name a birth date in the future or before 1900");
            }
        } catch (DateTimeException notADate) {
            throw new InvalidInput(
                    FIELD, "must begin with a real date of birth (coordination numbers add 60 to the day)");
        }
    }

    /** Whether this is a coordination number rather than a personal identity number. */
    public boolean isCoordinationNumber() {
        return Integer.parseInt(digits.substring(6, 8)) > 60;
    }

    public int birthYear() {
        return Integer.parseInt(digits.substring(0, 4));
    }

    /** The twelve digits, for the encrypted column and for the person's own export only. */
    public String digits() {
        return digits;
    }

    /** The number as people write it: {@code YYYYMMDD-NNNN}. */
    public String formatted() {
        return digits.substring(0, 8) + "-" + digits.substring(8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalIdentityNumber number && number.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Masked: the birth date only. */
    @Override
    public String toString() {
        return digits.substring(0, 8) + "-****";
    }
}
