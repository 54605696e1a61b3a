package se.samlyft.web.page;

import java.text.Collator;
import java.util.Comparator;
import java.util.function.Function;

/** Sorting as a Swedish reader expects it: å, ä and ö after z, and case and accents second. */
public final class SwedishOrder {

    private SwedishOrder() {}

    /** Compares the texts that {@code key} reads from two items in Swedish order. */
    public static <T> Comparator<T> by(Function<T, String> key) {
        Collator collator = Collator.getInstance(Formats.SWEDISH);
        collator.setStrength(Collator.TERTIARY);
        return (first, second) -> collator.compare(key.apply(first), key.apply(second));
    }
}
