package se.samlyft.identity.hrimport;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Reads a generated HR export of a given size (bytes, more than the heap of the process that runs it): a header, a
 * row of a person, blank lines (spreadsheets export them) and a last row; prints how many rows were read. Run in a
 * process of its own by {@link HrExportTest}.
 */
final class LargeHrFile {

    static final long SIZE = 96L * 1024 * 1024;

    private static final byte[] START = (HrFiles.HEADER + "\r\n"
                    + "Märta;Åberg;marta.aberg@mala.se;;hemtjanst-centrum;Hemtjänst Centrum;undersköterska;;kvinna;1978;"
                    + "gymnasial;\r\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] BLANK = ";;;;;;;;;;;\r\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = ("Björn;Öberg;bjorn.oberg@mala.se;;hemtjanst-centrum;Hemtjänst Centrum;"
                    + "vårdbiträde;;man;1980;gymnasial;\r\n")
            .getBytes(StandardCharsets.UTF_8);

    private LargeHrFile() {}

    public static void main(String[] arguments) {
        long size = Long.parseLong(arguments[0]);
        HrExport export = HrExport.read(new Generated(size), LocalDate.parse("2026-11-23"));
        System.out.println("rows: " + export.rows().size() + ", encoding: " + export.encoding());
    }

    /** The file's bytes, made as they are read. */
    private static final class Generated extends InputStream {

        private final long blankLines;
        private long line;
        private byte[] current = START;
        private int at;

        Generated(long size) {
            this.blankLines = (size - START.length - END.length) / BLANK.length;
        }

        @Override
        public int read() {
            if (at == current.length) {
                if (current == END) {
                    return -1;
                }
                current = line++ < blankLines ? BLANK : END;
                at = 0;
            }
            return current[at++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int count = 0;
            while (count < length) {
                int next = read();
                if (next < 0) {
                    return count == 0 ? -1 : count;
                }
                buffer[offset + count++] = (byte) next;
            }
            return count;
        }
    }
}
