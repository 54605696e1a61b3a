package se.samlyft.platform.export;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes sheets as CSV the way a Swedish spreadsheet opens it: UTF-8 with a byte order mark (so å, ä and ö survive),
 * semicolons between fields, decimal commas, CRLF line ends, and each sheet after a line with its title and an empty
 * line between sheets. Text that a spreadsheet would run as a formula is neutralised ({@link SpreadsheetText}).
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String LINE_END = "\r\n";

    private CsvExport() {}

    public static byte[] of(List<Sheet> sheets) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sheets.size(); i++) {
            Sheet sheet = sheets.get(i);
            if (i > 0) {
                text.append(LINE_END);
            }
            text.append(field(sheet.title())).append(LINE_END);
            text.append(line(List.copyOf(sheet.headings())));
            sheet.rows().forEach(row -> text.append(line(row)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static String line(List<? extends @Nullable Object> cells) {
        return cells.stream().map(CsvExport::cell).collect(Collectors.joining(";")) + LINE_END;
    }

    private static String cell(@Nullable Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal decimal -> decimal.toPlainString().replace('.', ',');
            case Number number -> number.toString();
            default -> field(value.toString());
        };
    }

    private static String field(String value) {
        String text = SpreadsheetText.neutralised(value);
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
