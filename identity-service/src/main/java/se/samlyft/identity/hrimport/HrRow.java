package se.samlyft.identity.hrimport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import se.samlyft.identity.organisation.EmailAddress;
import se.samlyft.identity.person.EducationLevel;
import se.samlyft.identity.person.Occupation;
import se.samlyft.identity.person.PersonProfile;
import se.samlyft.identity.person.PersonalIdentityNumber;
import se.samlyft.identity.person.Role;
import se.samlyft.identity.person.Sex;
import se.samlyft.identity.person.Workplace;
import se.samlyft.platform.problem.InvalidInput;

/**
 * One row of an HR export, read into a person's profile. The manager is named by e-mail address, since the HR system
 * knows no person ids; the import resolves it. Values may be the API's names ({@code ASSISTANT_NURSE}) or the Swedish
 * words HR systems use ({@code undersköterska}, {@code kvinna}, {@code gymnasial}).
 */
public record HrRow(
        int line, PersonProfile profile, @Nullable String managerEmail) {

    private static final Map<String, Occupation> OCCUPATIONS = Map.of(
            "undersköterska", Occupation.ASSISTANT_NURSE,
            "vårdbiträde", Occupation.CARE_AIDE,
            "personlig assistent", Occupation.PERSONAL_ASSISTANT,
            "sjuksköterska", Occupation.NURSE,
            "chef", Occupation.MANAGER,
            "annat", Occupation.OTHER,
            "övrigt", Occupation.OTHER);
    private static final Map<String, Sex> SEXES = Map.of(
            "kvinna", Sex.WOMAN,
            "man", Sex.MAN,
            "icke-binär", Sex.NON_BINARY,
            "ej angivet", Sex.NOT_STATED,
            "", Sex.NOT_STATED);
    private static final Map<String, EducationLevel> EDUCATION = Map.of(
            "förgymnasial", EducationLevel.ISCED_0_2,
            "gymnasial", EducationLevel.ISCED_3_4,
            "eftergymnasial", EducationLevel.ISCED_5_8,
            "okänd", EducationLevel.NOT_STATED,
            "", EducationLevel.NOT_STATED);

    /** The outcome of reading one row: its profile, or every problem it has. */
    public record Reading(@Nullable HrRow row, List<RowProblem> problems) {}

    /** Reads a record whose fields are given by column; collects every problem rather than stopping at the first. */
    public static Reading read(int line, Map<HrColumn, String> fields, LocalDate today) {
        List<RowProblem> problems = new ArrayList<>();
        Function<HrColumn, String> value =
                column -> fields.getOrDefault(column, "").strip();
        String givenName = value.apply(HrColumn.GIVEN_NAME);
        String familyName = value.apply(HrColumn.FAMILY_NAME);
        EmailAddress email =
                attempt(problems, line, HrColumn.EMAIL, () -> EmailAddress.of(value.apply(HrColumn.EMAIL)));
        String pin = value.apply(HrColumn.PERSONAL_IDENTITY_NUMBER);
        PersonalIdentityNumber number = pin.isEmpty()
                ? null
                : attempt(
                        problems,
                        line,
                        HrColumn.PERSONAL_IDENTITY_NUMBER,
                        () -> PersonalIdentityNumber.parse(pin, today));
        Workplace workplace = attempt(
                problems,
                line,
                HrColumn.WORKPLACE_ID,
                () -> new Workplace(value.apply(HrColumn.WORKPLACE_ID), value.apply(HrColumn.WORKPLACE_NAME)));
        Occupation occupation = attempt(
                problems,
                line,
                HrColumn.OCCUPATION,
                () -> choice(value.apply(HrColumn.OCCUPATION), OCCUPATIONS, Occupation.class));
        Sex sex = attempt(problems, line, HrColumn.SEX, () -> choice(value.apply(HrColumn.SEX), SEXES, Sex.class));
        EducationLevel education = attempt(
                problems,
                line,
                HrColumn.EDUCATION_LEVEL,
                () -> choice(value.apply(HrColumn.EDUCATION_LEVEL), EDUCATION, EducationLevel.class));
        Integer birthYear = attempt(problems, line, HrColumn.BIRTH_YEAR, () -> year(value.apply(HrColumn.BIRTH_YEAR)));
        Set<Role> roles = attempt(problems, line, HrColumn.ROLES, () -> roles(value.apply(HrColumn.ROLES)));
        String manager = value.apply(HrColumn.MANAGER_EMAIL);
        if (!manager.isEmpty()) {
            attempt(problems, line, HrColumn.MANAGER_EMAIL, () -> EmailAddress.of(manager));
        }
        if (!problems.isEmpty()) {
            requireName(problems, line, HrColumn.GIVEN_NAME, givenName);
            requireName(problems, line, HrColumn.FAMILY_NAME, familyName);
            return new Reading(null, problems);
        }
        try {
            PersonProfile profile = new PersonProfile(
                    givenName,
                    familyName,
                    email,
                    number,
                    workplace,
                    occupation,
                    null,
                    sex,
                    birthYear,
                    education,
                    roles);
            return new Reading(
                    new HrRow(line, profile, manager.isEmpty() ? null : manager.toLowerCase(Locale.ROOT)), List.of());
        } catch (InvalidInput invalid) {
            String field = invalid.field().orElse("");
            return new Reading(
                    null,
                    List.of(new RowProblem(
                            line,
                            headerOf(field),
                            field.equals("birthYear") ? "birth-year-mismatch" : "invalid",
                            invalid.reason())));
        }
    }

    private static void requireName(List<RowProblem> problems, int line, HrColumn column, String name) {
        if (name.isBlank() || name.length() > 100) {
            problems.add(new RowProblem(line, column.headerName(), "missing", "must be given, at most 100 characters"));
        }
    }

    private static String headerOf(String field) {
        return switch (field) {
            case "givenName" -> HrColumn.GIVEN_NAME.headerName();
            case "familyName" -> HrColumn.FAMILY_NAME.headerName();
            case "birthYear" -> HrColumn.BIRTH_YEAR.headerName();
            case "workplaceName" -> HrColumn.WORKPLACE_NAME.headerName();
            default -> field;
        };
    }

    private static <T> T attempt(
            List<RowProblem> problems, int line, HrColumn column, java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (InvalidInput invalid) {
            boolean workplaceName =
                    invalid.field().filter("workplaceName"::equals).isPresent();
            String header = workplaceName ? headerOf("workplaceName") : column.headerName();
            problems.add(new RowProblem(
                    line, header, workplaceName ? "invalid-workplace-name" : codeOf(column), invalid.reason()));
            return null;
        }
    }

    /** The code of a value of {@code column} that does not read. */
    private static String codeOf(HrColumn column) {
        return switch (column) {
            case EMAIL, MANAGER_EMAIL -> "invalid-email";
            case PERSONAL_IDENTITY_NUMBER -> "invalid-personal-number";
            case WORKPLACE_ID -> "invalid-workplace-code";
            case OCCUPATION -> "unknown-occupation";
            case SEX -> "unknown-sex";
            case EDUCATION_LEVEL -> "unknown-education";
            case BIRTH_YEAR -> "invalid-birth-year";
            case ROLES -> "unknown-role";
            default -> "invalid";
        };
    }

    private static <E extends Enum<E>> E choice(String text, Map<String, E> swedish, Class<E> type) {
        E known = swedish.get(text.toLowerCase(Locale.forLanguageTag("sv")));
        if (known != null) {
            return known;
        }
        try {
            return Enum.valueOf(
                    type, text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("must be one of "
                    + String.join(
                            ", ",
                            swedish.keySet().stream()
                                    .filter(name -> !name.isEmpty())
                                    .sorted()
                                    .toList()));
        }
    }

    private static int year(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new InvalidInput("must be a year such as 1978");
        }
    }

    private static Set<Role> roles(String text) {
        if (text.isBlank()) {
            return Set.of(Role.PARTICIPANT);
        }
        return java.util.Arrays.stream(text.split("[|,; ]+"))
                .filter(name -> !name.isBlank())
                .map(Role::ofRealmRole)
                .collect(Collectors.toSet());
    }

    /** The columns of one record, by the header's column order. */
    public static Map<HrColumn, String> fieldsOf(List<@Nullable HrColumn> header, List<String> record) {
        Map<HrColumn, String> fields = new EnumMap<>(HrColumn.class);
        for (int i = 0; i < header.size() && i < record.size(); i++) {
            HrColumn column = header.get(i);
            if (column != null) {
                fields.put(column, record.get(i));
            }
        }
        return fields;
    }
}
