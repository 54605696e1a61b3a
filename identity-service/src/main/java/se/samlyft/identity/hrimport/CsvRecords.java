package se.samlyft.identity.hrimport;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV text split into records and fields (RFC 4180: fields may be quoted, a quoted field may hold the delimiter, line
 * breaks and doubled quotes). The delimiter is the one of comma and semicolon that the header line holds more of.
 */
public final class CsvRecords {

    /** One record and the line of the file it starts on (the header is line 1). */
    public record CsvRecord(int line, List<String> fields) {}

    private final char delimiter;
    private final List<CsvRecord> records;

    private CsvRecords(char delimiter, List<CsvRecord> records) {
        this.delimiter = delimiter;
        this.records = records;
    }

    public static CsvRecords parse(String text) {
        int endOfHeader = text.indexOf('\n');
        String header = endOfHeader < 0 ? text : text.substring(0, endOfHeader);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        if (semicolons == 0 && commas == 0) {
            throw new UnreadableFile("has no header line of columns separated by semicolons or commas");
        }
        char delimiter = semicolons >= commas ? ';' : ',';
        return new CsvRecords(delimiter, split(text, delimiter));
    }

    private static List<CsvRecord> split(String text, char delimiter) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                addUnlessBlank(records, recordLine, fields);
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new UnreadableFile("ends inside a quoted field that starts on line " + recordLine);
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            addUnlessBlank(records, recordLine, fields);
        }
        return records;
    }

    private static void addUnlessBlank(List<CsvRecord> records, int line, List<String> fields) {
        if (fields.stream().anyMatch(value -> !value.isBlank())) {
            records.add(new CsvRecord(line, List.copyOf(fields)));
        }
    }

    public char delimiter() {
        return delimiter;
    }

    /** Every non-blank record, the header first. */
    public List<CsvRecord> records() {
        return records;
    }
}
