package se.samlyft.platform.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Writes sheets as an Office Open XML workbook (fastexcel), one worksheet per sheet: numbers as numeric cells, text as
 * text, with the headings in bold. Text that a spreadsheet would run as a formula is neutralised
 * ({@link SpreadsheetText}).
 */
public final class XlsxExport {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAXIMUM_SHEET_NAME = 31;

    private XlsxExport() {}

    public static byte[] of(List<Sheet> sheets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Samlyft", "1.0");
            for (Sheet sheet : sheets) {
                write(workbook.newWorksheet(sheetName(sheet.title())), sheet);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the workbook", e);
        }
        return bytes.toByteArray();
    }

    private static void write(Worksheet worksheet, Sheet sheet) {
        for (int column = 0; column < sheet.headings().size(); column++) {
            worksheet.value(
                    0, column, SpreadsheetText.neutralised(sheet.headings().get(column)));
            worksheet.style(0, column).bold().set();
        }
        for (int row = 0; row < sheet.rows().size(); row++) {
            List<@Nullable Object> cells = sheet.rows().get(row);
            for (int column = 0; column < cells.size(); column++) {
                Object value = cells.get(column);
                switch (value) {
                    case null -> {}
                    case BigDecimal decimal -> worksheet.value(row + 1, column, decimal);
                    case Number number -> worksheet.value(row + 1, column, number);
                    default -> worksheet.value(row + 1, column, SpreadsheetText.neutralised(value.toString()));
                }
            }
        }
    }

    private static String sheetName(String title) {
        String name = title.replaceAll("[\\[\\]:*?/\\\\]", "-");
        return name.length() > MAXIMUM_SHEET_NAME ? name.substring(0, MAXIMUM_SHEET_NAME) : name;
    }
}
