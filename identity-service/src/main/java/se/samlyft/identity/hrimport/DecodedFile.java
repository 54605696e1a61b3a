package se.samlyft.identity.hrimport;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An HR export's bytes as text. HR systems write UTF-8 (with or without a byte order mark) or Windows-1252: the file
 * is read as UTF-8 when it is valid UTF-8, else as Windows-1252 when every byte is defined there. Text with control
 * characters (a UTF-16 file, a spreadsheet, an image) is refused, as is a byte Windows-1252 does not define.
 */
public record DecodedFile(String text, String encoding) {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static DecodedFile of(byte[] bytes) {
        if (bytes.length == 0) {
            throw new UnreadableFile("is empty");
        }
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf
                        ? 3
                        : 0;
        String text;
        String encoding;
        try {
            text = strictly(StandardCharsets.UTF_8, bytes, start);
            encoding = "UTF-8";
        } catch (CharacterCodingException notUtf8) {
            try {
                text = strictly(WINDOWS_1252, bytes, 0);
                encoding = "windows-1252";
            } catch (CharacterCodingException notWindows1252) {
                throw new UnreadableFile("is neither UTF-8 nor Windows-1252 text; export it from the HR system as CSV"
                        + " in one of these encodings");
            }
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                throw new UnreadableFile("holds control characters, so it is not CSV text in UTF-8 or Windows-1252"
                        + " (a UTF-16 export or a spreadsheet file?); save it as CSV in UTF-8");
            }
        }
        return new DecodedFile(text, encoding);
    }

    private static String strictly(Charset charset, byte[] bytes, int offset) throws CharacterCodingException {
        CharBuffer decoded = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
        return decoded.toString();
    }
}
