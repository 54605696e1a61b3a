package se.samlyft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part of {@code bench/RESULTS.md} between two marker lines that the performance suite keeps when it writes the rest
 * of the file: the webhooks' figures, and the modules' own benchmarks, which are written by hand.
 */
record KeptSection(String begin, String end) {

    /** The modules' own benchmarks (the gateway, enrolment's rush, reporting's reports, identity's HR import). */
    static final KeptSection MODULES = new KeptSection(
            "<!-- modules: kept by ./mvnw -Pperformance; the modules' own benchmarks, written by hand from their runs -->",
            "<!-- /modules -->");

    /** The section as {@code file} has it, markers included and ending with a line break; empty if it has none. */
    String in(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            return "";
        }
        return text.substring(from, to + end.length()) + "\n";
    }
}
