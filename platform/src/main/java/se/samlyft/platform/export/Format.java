package se.samlyft.platform.export;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.samlyft.platform.problem.InvalidInput;

/** How a report or list is answered: JSON (the default), CSV or XLSX to download. */
public enum Format {
    JSON,
    CSV,
    XLSX;

    /** The format a {@code format} parameter names: a 400 problem naming the parameter for any other. */
    public static Format of(String format) {
        try {
            return valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("format", "must be json, csv or xlsx");
        }
    }

    /** The answer: the JSON view, or the report's sheets as a file named {@code name} with this format's ending. */
    public ResponseEntity<?> answer(Supplier<Object> json, Supplier<List<Sheet>> sheets, String name) {
        return switch (this) {
            case JSON ->
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.get());
            case CSV -> file(CsvExport.of(sheets.get()), CsvExport.MEDIA_TYPE, name + ".csv");
            case XLSX -> file(XlsxExport.of(sheets.get()), XlsxExport.MEDIA_TYPE, name + ".xlsx");
        };
    }

    private static ResponseEntity<byte[]> file(byte[] content, String mediaType, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(content);
    }
}
