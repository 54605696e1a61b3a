package se.samlyft.web.coordinator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import se.samlyft.web.api.CatalogApi;

/**
 * A course as its form holds it, kept as typed so that a refused form shows it again: title, description, themes
 * separated by commas, the occupations it is for, format, whether it is formal education, and the modules in order
 * (a title and minutes each; rows left empty are not modules).
 */
record CourseForm(
        String titel,
        String beskrivning,
        String teman,
        List<String> yrken,
        String format,
        boolean formell,
        List<ModuleRow> moduler) {

    /** One module's row of the form. */
    record ModuleRow(String titel, String minuter) {

        public boolean isEmpty() {
            return titel.isBlank() && minuter.isBlank();
        }
    }

    CourseForm {
        yrken = List.copyOf(yrken);
        moduler = List.copyOf(moduler);
    }

    static CourseForm empty() {
        return new CourseForm("", "", "", List.of(), "SELF_PACED_DIGITAL", false, List.of(new ModuleRow("", "")));
    }

    static CourseForm of(CatalogApi.Course course) {
        return new CourseForm(
                course.title(),
                course.description(),
                String.join(", ", course.themes()),
                course.targetOccupations(),
                course.format(),
                course.formal(),
                course.modules().stream()
                        .map(module -> new ModuleRow(module.title(), String.valueOf(module.estimatedMinutes())))
                        .toList());
    }

    static CourseForm typed(
            String titel,
            String beskrivning,
            String teman,
            @Nullable List<String> yrken,
            String format,
            boolean formell,
            @Nullable List<String> modulTitlar,
            @Nullable List<String> modulMinuter) {
        List<String> titles = modulTitlar == null ? List.of() : modulTitlar;
        List<String> minutes = modulMinuter == null ? List.of() : modulMinuter;
        List<ModuleRow> rows = new ArrayList<>();
        for (int row = 0; row < Math.max(titles.size(), minutes.size()); row++) {
            rows.add(new ModuleRow(
                    row < titles.size() ? titles.get(row) : "", row < minutes.size() ? minutes.get(row) : ""));
        }
        return new CourseForm(titel, beskrivning, teman, yrken == null ? List.of() : yrken, format, formell, rows);
    }

    /** The form with one more empty module row, for "Lägg till en modul". */
    CourseForm withAnotherModule() {
        List<ModuleRow> rows = new ArrayList<>(moduler);
        rows.add(new ModuleRow("", ""));
        return new CourseForm(titel, beskrivning, teman, yrken, format, formell, rows);
    }

    /** The modules' rows that are filled in, in order; with at least one row to type in. */
    public List<ModuleRow> rows() {
        return moduler.isEmpty() ? List.of(new ModuleRow("", "")) : moduler;
    }

    /**
     * The course as the API takes it. A module's minutes that are no number go as they were typed, for the API to
     * name the module's field; empty rows are left out.
     */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", titel.strip());
        body.put("description", beskrivning.strip());
        body.put(
                "themes",
                Arrays.stream(teman.split(","))
                        .map(String::strip)
                        .filter(theme -> !theme.isEmpty())
                        .toList());
        body.put("targetOccupations", yrken);
        body.put("format", format);
        body.put("formal", formell);
        List<Map<String, Object>> modules = new ArrayList<>();
        for (ModuleRow row : moduler) {
            if (!row.isEmpty()) {
                Map<String, Object> module = new LinkedHashMap<>();
                module.put("title", row.titel().strip());
                String minutes = row.minuter().replace(" ", "").strip();
                module.put("estimatedMinutes", minutes.matches("[0-9]{1,6}") ? Integer.valueOf(minutes) : null);
                modules.add(module);
            }
        }
        body.put("modules", modules);
        return body;
    }

    /**
     * The form's field for an API field: {@code modules[2].title} is the third filled-in row's title, which is the
     * row of the form after skipping empty rows.
     */
    String fieldOf(String apiField) {
        java.util.regex.Matcher module = java.util.regex.Pattern.compile(
                        "modules\\[([0-9]+)]\\.(title|estimatedMinutes)")
                .matcher(apiField);
        if (module.matches()) {
            int filled = Integer.parseInt(module.group(1));
            int row = rowOfFilled(filled);
            return (module.group(2).equals("title") ? "modul-titel-" : "modul-minuter-") + row;
        }
        return switch (apiField) {
            case "title" -> "titel";
            case "description" -> "beskrivning";
            case "themes" -> "teman";
            case "targetOccupations" -> "yrken";
            case "modules" -> "modul-titel-0";
            default -> apiField;
        };
    }

    private int rowOfFilled(int filled) {
        int seen = -1;
        for (int row = 0; row < moduler.size(); row++) {
            if (!moduler.get(row).isEmpty() && ++seen == filled) {
                return row;
            }
        }
        return 0;
    }
}
