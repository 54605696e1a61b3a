package se.samlyft.catalog.course;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds courses for tests, as the API takes them and as the domain holds them; Swedish text on purpose. */
public final class CourseFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String title = "Dokumentera säkert";
    private String description = "Grunderna i social dokumentation: vad som ska skrivas, var och varför.";
    private List<String> themes = List.of("säker dokumentation");
    private List<String> occupations = List.of("undersköterska", "vårdbiträde");
    private String format = "SELF_PACED_DIGITAL";
    private final List<Object[]> modules = new ArrayList<>(List.of(
            new Object[] {"Varför vi dokumenterar", 45}, new Object[] {"Sekretess och åtkomst i journalen", 75}));

    private CourseFixture() {}

    public static CourseFixture course() {
        return new CourseFixture();
    }

    public static CourseFixture course(String title) {
        return new CourseFixture().title(title);
    }

    public CourseFixture title(String value) {
        title = value;
        return this;
    }

    public CourseFixture description(String value) {
        description = value;
        return this;
    }

    public CourseFixture themes(String... values) {
        themes = List.of(values);
        return this;
    }

    public CourseFixture occupations(String... values) {
        occupations = List.of(values);
        return this;
    }

    public CourseFixture format(String value) {
        format = value;
        return this;
    }

    public CourseFixture module(String moduleTitle, int minutes) {
        modules.add(new Object[] {moduleTitle, minutes});
        return this;
    }

    /** The course as a request body. */
    public ObjectNode node() {
        ObjectNode node = JSON.createObjectNode()
                .put("title", title)
                .put("description", description)
                .put("format", format)
                .put("formal", false);
        themes.forEach(node.putArray("themes")::add);
        occupations.forEach(node.putArray("targetOccupations")::add);
        ArrayNode moduleNodes = node.putArray("modules");
        for (Object[] module : modules) {
            moduleNodes.addObject().put("title", (String) module[0]).put("estimatedMinutes", (Integer) module[1]);
        }
        return node;
    }

    public String json() {
        return node().toString();
    }

    /** The course as the domain holds it. */
    public CourseContent content() {
        return new CourseContent(
                title,
                description,
                themes,
                occupations,
                CourseFormat.valueOf(format),
                modules.stream()
                        .map(module -> new CourseModule((String) module[0], (Integer) module[1]))
                        .toList(),
                false,
                CourseContent.SWEDISH);
    }
}
