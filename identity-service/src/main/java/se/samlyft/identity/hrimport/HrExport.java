package se.samlyft.identity.hrimport;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An HR export read from its bytes as they stream in, record by record: the encoding and delimiter found, and each
 * data row read or its problems. The rows are all that is kept; the file's bytes and text never are, whole.
 */
public record HrExport(String encoding, char delimiter, List<HrRow.Reading> rows) {

    public static HrExport read(InputStream bytes, LocalDate today) {
        HrFileReader text = new HrFileReader(bytes);
        CsvRecords csv = CsvRecords.of(text);
        Optional<CsvRecords.CsvRecord> first = csv.next();
        if (first.isEmpty()) {
            throw new UnreadableFile("has no header line");
        }
        List<@Nullable HrColumn> header = new ArrayList<>();
        Set<HrColumn> present = EnumSet.noneOf(HrColumn.class);
        for (String name : first.get().fields()) {
            HrColumn column = HrColumn.ofHeader(name).orElse(null);
            if (column != null && !present.add(column)) {
                throw new UnreadableFile("names the column " + column.headerName() + " twice");
            }
            header.add(column);
        }
        List<String> missing = new ArrayList<>();
        for (HrColumn column : HrColumn.values()) {
            if (column.required() && !present.contains(column)) {
                missing.add(column.headerName());
            }
        }
        if (!missing.isEmpty()) {
            throw new UnreadableFile("lacks the columns " + String.join(", ", missing)
                    + " (the header line is read with '" + csv.delimiter() + "' between columns)");
        }
        List<HrRow.Reading> rows = new ArrayList<>();
        for (Optional<CsvRecords.CsvRecord> record = csv.next(); record.isPresent(); record = csv.next()) {
            rows.add(HrRow.read(
                    record.get().line(), HrRow.fieldsOf(header, record.get().fields()), today));
        }
        return new HrExport(text.encoding(), csv.delimiter(), List.copyOf(rows));
    }
}
