package se.samlyft.identity.hrimport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CSV text split into records and fields as it is read (RFC 4180: fields may be quoted, a quoted field may hold the
 * delimiter, line breaks and doubled quotes). The delimiter is the one of comma and semicolon that the header line
 * holds more of. Blank records are passed over.
 */
public final class CsvRecords {

    /** One record and the line of the file it starts on (the header is line 1). */
    public record CsvRecord(int line, List<String> fields) {}

    private final Reader text;
    private final char delimiter;
    private final String header;
    private int headerAt;
    private int pushedBack = -1;
    private int line = 1;

    private CsvRecords(Reader text, String header, char delimiter) {
        this.text = text;
        this.header = header;
        this.delimiter = delimiter;
    }

    /** Reads the header line, to choose the delimiter, and returns the records of the text from its start. */
    public static CsvRecords of(Reader text) {
        StringBuilder header = new StringBuilder();
        int c;
        do {
            c = read(text);
            if (c >= 0) {
                header.append((char) c);
            }
        } while (c >= 0 && c != '\n');
        long semicolons = header.chars().filter(ch -> ch == ';').count();
        long commas = header.chars().filter(ch -> ch == ',').count();
        if (semicolons == 0 && commas == 0) {
            throw new UnreadableFile("has no header line of columns separated by semicolons or commas");
        }
        return new CsvRecords(text, header.toString(), semicolons >= commas ? ';' : ',');
    }

    public char delimiter() {
        return delimiter;
    }

    /** The next non-blank record, the header first; empty at the end of the text. */
    public Optional<CsvRecord> next() {
        while (true) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int c = nextChar();
            if (c < 0) {
                return Optional.empty();
            }
            while (c >= 0) {
                if (quoted) {
                    if (c == '"') {
                        int following = nextChar();
                        if (following == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            pushBack(following);
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        int following = nextChar();
                        if (following != '\n') {
                            pushBack(following);
                        }
                    }
                    line++;
                    break;
                } else {
                    field.append((char) c);
                }
                c = nextChar();
            }
            if (quoted) {
                throw new UnreadableFile("ends inside a quoted field that starts on line " + recordLine);
            }
            fields.add(field.toString());
            if (fields.stream().anyMatch(value -> !value.isBlank())) {
                return Optional.of(new CsvRecord(recordLine, List.copyOf(fields)));
            }
        }
    }

    private int nextChar() {
        if (pushedBack != -1) {
            int c = pushedBack;
            pushedBack = -1;
            return c;
        }
        if (headerAt < header.length()) {
            return header.charAt(headerAt++);
        }
        return read(text);
    }

    private void pushBack(int c) {
        pushedBack = c < 0 ? -2 : c;
    }

    private static int read(Reader text) {
        try {
            return text.read();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The HR file could not be read", unreadable);
        }
    }
}
