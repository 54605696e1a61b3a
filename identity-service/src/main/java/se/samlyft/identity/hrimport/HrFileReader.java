package se.samlyft.identity.hrimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * An HR export's bytes as text, decoded as they stream in, so the file is never held whole. HR systems write UTF-8
 * (with or without a byte order mark) or Windows-1252. Up to the first byte above ASCII the two agree; there the
 * reader decides: a well-formed UTF-8 sequence means UTF-8 (and every later byte must be UTF-8 too), anything else
 * means Windows-1252 (and every later byte must be defined there). Control characters (a UTF-16 export, a
 * spreadsheet, an image) are refused, as is an empty file.
 */
public final class HrFileReader extends Reader {

    /** Windows-1252's characters for the bytes 0x80 to 0x9F; 0 where it defines none. */
    private static final char[] WINDOWS_1252 = {
        '\u20AC', 0, '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039',
        '\u0152', 0, '\u017D', 0, 0, '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC',
        '\u2122', '\u0161', '\u203A', '\u0153', 0, '\u017E', '\u0178'
    };

    private enum Encoding {
        UNDECIDED,
        UTF_8,
        WINDOWS_1252
    }

    private final BufferedInputStream bytes;
    private Encoding encoding = Encoding.UNDECIDED;
    private boolean started;
    private int line = 1;
    private int pendingLowSurrogate = -1;

    public HrFileReader(InputStream bytes) {
        this.bytes = new BufferedInputStream(bytes, 64 * 1024);
    }

    /** {@code UTF-8} or {@code windows-1252}, as decided so far; plain ASCII counts as UTF-8. */
    public String encoding() {
        return encoding == Encoding.WINDOWS_1252 ? "windows-1252" : "UTF-8";
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int count = 0;
        while (count < length) {
            int next = read();
            if (next < 0) {
                return count == 0 ? -1 : count;
            }
            buffer[offset + count++] = (char) next;
            if (next == '\n') {
                break;
            }
        }
        return count;
    }

    @Override
    public int read() throws IOException {
        if (pendingLowSurrogate >= 0) {
            int low = pendingLowSurrogate;
            pendingLowSurrogate = -1;
            return low;
        }
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        int first = bytes.read();
        if (first < 0) {
            return -1;
        }
        int decoded = first < 0x80 ? first : decodeAboveAscii(first);
        if (decoded < 0x20 && decoded != '\t' && decoded != '\r' && decoded != '\n') {
            throw new UnreadableFile("holds control characters on line " + line + ", so it is not CSV text in UTF-8 or"
                    + " Windows-1252 (a UTF-16 export or a spreadsheet file?); save it as CSV in UTF-8");
        }
        if (decoded == '\n') {
            line++;
        }
        if (decoded > 0xFFFF) {
            pendingLowSurrogate = Character.lowSurrogate(decoded);
            return Character.highSurrogate(decoded);
        }
        return decoded;
    }

    private void skipByteOrderMark() throws IOException {
        bytes.mark(3);
        if (bytes.read() == 0xEF && bytes.read() == 0xBB && bytes.read() == 0xBF) {
            encoding = Encoding.UTF_8;
            return;
        }
        bytes.reset();
        bytes.mark(1);
        if (bytes.read() < 0) {
            throw new UnreadableFile("is empty");
        }
        bytes.reset();
    }

    private int decodeAboveAscii(int first) throws IOException {
        switch (encoding) {
            case UTF_8 -> {
                int decoded = utf8Sequence(first);
                if (decoded < 0) {
                    throw new UnreadableFile("is not valid UTF-8 on line " + line + ", though it began as UTF-8;"
                            + " export it from the HR system again in one encoding, UTF-8 or Windows-1252");
                }
                return decoded;
            }
            case WINDOWS_1252 -> {
                return windows1252(first);
            }
            default -> {
                bytes.mark(3);
                int decoded = utf8Sequence(first);
                if (decoded >= 0) {
                    encoding = Encoding.UTF_8;
                    return decoded;
                }
                bytes.reset();
                encoding = Encoding.WINDOWS_1252;
                return windows1252(first);
            }
        }
    }

    /** The code point of the UTF-8 sequence {@code first} begins, reading its continuation bytes; -1 if malformed. */
    private int utf8Sequence(int first) throws IOException {
        int more;
        int codePoint;
        int least;
        if ((first & 0xE0) == 0xC0) {
            more = 1;
            codePoint = first & 0x1F;
            least = 0x80;
        } else if ((first & 0xF0) == 0xE0) {
            more = 2;
            codePoint = first & 0x0F;
            least = 0x800;
        } else if ((first & 0xF8) == 0xF0) {
            more = 3;
            codePoint = first & 0x07;
            least = 0x10000;
        } else {
            return -1;
        }
        for (int i = 0; i < more; i++) {
            int next = bytes.read();
            if (next < 0 || (next & 0xC0) != 0x80) {
                return -1;
            }
            codePoint = codePoint << 6 | next & 0x3F;
        }
        boolean surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
        return codePoint < least || codePoint > 0x10FFFF || surrogate ? -1 : codePoint;
    }

    private int windows1252(int b) {
        if (b >= 0xA0) {
            return b;
        }
        char decoded = WINDOWS_1252[b - 0x80];
        if (decoded == 0) {
            throw new UnreadableFile("is neither UTF-8 nor Windows-1252 text (line " + line + "); export it from the HR"
                    + " system as CSV in one of these encodings");
        }
        return decoded;
    }

    @Override
    public void close() throws IOException {
        bytes.close();
    }
}
