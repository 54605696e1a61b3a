package se.samlyft.catalog.course.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns what a person typed into a PostgreSQL {@code tsquery} for the {@code swedish} configuration, in which every
 * word must match. The Swedish stemmer removes inflections but not derivations, so a word with a derivational ending
 * matches by its root as a prefix: "dokumentation" becomes {@code dokument:*}, which also finds "dokumentera".
 */
final class SwedishQuery {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final List<String> DERIVATIONS =
            List.of("ationer", "ation", "eringar", "ering", "erade", "erar", "era", "ande", "ende", "ning");
    private static final int SHORTEST_ROOT = 4;
    private static final int MOST_WORDS = 8;

    private SwedishQuery() {}

    /** The tsquery text, or empty when the text holds no word. */
    static String of(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && terms.size() < MOST_WORDS) {
                String root = rootOf(word);
                terms.add(root.equals(word) ? word : root + ":*");
            }
        }
        return String.join(" & ", terms);
    }

    private static String rootOf(String word) {
        for (String ending : DERIVATIONS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= SHORTEST_ROOT) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }
}
