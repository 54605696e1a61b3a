package se.samlyft.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** Shares in percent, as the reports round them. */
final class Percent {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {}

    /** {@code part} of {@code whole} in percent with one decimal, or null when the whole is nothing. */
    static @Nullable BigDecimal of(long part, long whole) {
        return of(part, whole, 1);
    }

    static @Nullable BigDecimal of(long part, long whole, int decimals) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part)
                .multiply(HUNDRED)
                .divide(BigDecimal.valueOf(whole), decimals, RoundingMode.HALF_UP);
    }
}
