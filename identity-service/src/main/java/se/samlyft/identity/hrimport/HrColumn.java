package se.samlyft.identity.hrimport;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A column of the HR export, with the header names HR systems use for it (compared without case). */
public enum HrColumn {
    GIVEN_NAME(true, "förnamn", "fornamn", "givenname"),
    FAMILY_NAME(true, "efternamn", "familyname"),
    EMAIL(true, "e-post", "epost", "e-postadress", "email"),
    PERSONAL_IDENTITY_NUMBER(false, "personnummer", "personalidentitynumber"),
    WORKPLACE_ID(true, "arbetsplatskod", "arbetsplats-id", "workplaceid"),
    WORKPLACE_NAME(true, "arbetsplats", "workplacename"),
    OCCUPATION(true, "yrke", "occupation"),
    MANAGER_EMAIL(false, "chefens e-post", "chef e-post", "chef", "manageremail"),
    SEX(true, "kön", "kon", "sex"),
    BIRTH_YEAR(true, "födelseår", "fodelsear", "birthyear"),
    EDUCATION_LEVEL(true, "utbildningsnivå", "utbildningsniva", "educationlevel"),
    ROLES(false, "roller", "roles");

    private final boolean required;
    private final List<String> names;

    HrColumn(boolean required, String... names) {
        this.required = required;
        this.names = List.of(names);
    }

    public boolean required() {
        return required;
    }

    /** The header name an export should use. */
    public String headerName() {
        return names.getFirst();
    }

    public static Optional<HrColumn> ofHeader(String header) {
        String name = header.strip().toLowerCase(Locale.ROOT);
        for (HrColumn column : values()) {
            if (column.names.contains(name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
