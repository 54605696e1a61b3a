package se.samlyft.identity.hrimport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An HR export read from its bytes: the encoding and delimiter found, and each data row read or its problems. */
public record HrExport(String encoding, char delimiter, List<HrRow.Reading> rows) {

    public static HrExport read(byte[] bytes, LocalDate today) {
        DecodedFile file = DecodedFile.of(bytes);
        CsvRecords csv = CsvRecords.parse(file.text());
        if (csv.records().isEmpty()) {
            throw new UnreadableFile("has no header line");
        }
        List<@Nullable HrColumn> header = new ArrayList<>();
        Set<HrColumn> present = EnumSet.noneOf(HrColumn.class);
        for (String name : csv.records().getFirst().fields()) {
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
        for (CsvRecords.CsvRecord record :
                csv.records().subList(1, csv.records().size())) {
            rows.add(HrRow.read(record.line(), HrRow.fieldsOf(header, record.fields()), today));
        }
        return new HrExport(file.encoding(), csv.delimiter(), List.copyOf(rows));
    }
}
