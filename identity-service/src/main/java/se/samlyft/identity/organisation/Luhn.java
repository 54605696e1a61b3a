package se.samlyft.identity.organisation;

/** The Luhn (modulus 10) check digit that Swedish personal identity and organisation numbers end in. */
public final class Luhn {

    private Luhn() {}

    /** Whether the last of these digits is the Luhn check digit of the others. */
    public static boolean isValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return !digits.isEmpty() && sum % 10 == 0;
    }
}
