package se.samlyft.identity.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import se.samlyft.platform.problem.InvalidInput;

/**
 * One of Sweden's 290 municipality codes (SCB's four-digit kommunkod, for example 2505 for Arvidsjaur). A code that
 * names no municipality cannot exist.
 */
public record MunicipalityCode(String value) {

    private static final Map<String, String> MUNICIPALITIES = load();

    public MunicipalityCode {
        if (value == null || !MUNICIPALITIES.containsKey(value)) {
            throw new InvalidInput(
                    "municipalityCode", "must be one of SCB's 290 municipality codes (four digits, e.g. 2505)");
        }
    }

    public static MunicipalityCode of(String value) {
        return new MunicipalityCode(value);
    }

    /** The municipality's name, for example "Arvidsjaur". */
    public String municipalityName() {
        return MUNICIPALITIES.get(value);
    }

    /** How many municipalities the list knows. */
    static int count() {
        return MUNICIPALITIES.size();
    }

    private static Map<String, String> load() {
        Map<String, String> codes = new TreeMap<>();
        try (InputStream in = MunicipalityCode.class.getResourceAsStream("municipalities.txt")) {
            if (in == null) {
                throw new IllegalStateException("The list of municipality codes is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    codes.put(line.substring(0, 4), line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(codes);
    }
}
