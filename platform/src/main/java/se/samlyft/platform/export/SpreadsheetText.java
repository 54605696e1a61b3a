package se.samlyft.platform.export;

/**
 * Text as an export writes it into a cell: a value that a spreadsheet would take for a formula (starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets an apostrophe first, so Excel and
 * LibreOffice show it as text and never run it. Names in exports come from what organisations typed in (workplaces,
 * programmes), so any of them could be a formula.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    public static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
