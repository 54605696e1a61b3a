package se.samlyft.identity.person.persistence;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import se.samlyft.identity.organisation.EmailAddress;
import se.samlyft.identity.person.EducationLevel;
import se.samlyft.identity.person.Login;
import se.samlyft.identity.person.Occupation;
import se.samlyft.identity.person.People;
import se.samlyft.identity.person.Person;
import se.samlyft.identity.person.PersonProfile;
import se.samlyft.identity.person.PersonStatus;
import se.samlyft.identity.person.Role;
import se.samlyft.identity.person.Sex;
import se.samlyft.identity.person.Workplace;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.PreconditionFailed;
import se.samlyft.platform.tenancy.TenantId;

/**
 * People in PostgreSQL, one row per employment, held by row-level security. The personal identity number is stored
 * encrypted only. The events a stored person recorded are published to the application's listeners inside the same
 * transaction.
 */
@Repository
@Transactional(readOnly = true)
class JdbcPeople implements People {

    private static final String COLUMNS = """
            id, tenant_id, given_name, family_name, email, personal_number_cipher, workplace_id, workplace_name,
            occupation, manager_id, sex, birth_year, education_level, roles, status, left_on, version, login_state,
            login_reason""";

    /** A person whose name, e-mail address or workplace matches {@code :pattern}, or anyone without one. */
    private static final String MATCHES = """
            (cast(:pattern as text) is null
             or lower(given_name || ' ' || family_name || ' ' || email || ' ' || workplace_name || ' ' || workplace_id)
                like cast(:pattern as text))""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final PersonalNumberCipher cipher;
    private final Clock clock;

    JdbcPeople(JdbcClient jdbc, ApplicationEventPublisher publisher, PersonalNumberCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public Optional<Person> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from person where id = ?")
                .param(id)
                .query(this::row)
                .optional();
    }

    @Override
    public List<Person> page(@Nullable String query, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from person where " + MATCHES
                        + " order by family_name, given_name, id limit :size offset :offset")
                .param("pattern", pattern(query))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::row)
                .list();
    }

    @Override
    public long count(@Nullable String query) {
        return jdbc.sql("select count(*) from person where " + MATCHES)
                .param("pattern", pattern(query))
                .query(Long.class)
                .single();
    }

    /**
     * The pattern {@link #MATCHES} looks for: the query's words in order, each part of the name, address or workplace,
     * with the wildcards of LIKE taken literally; every person without a query.
     */
    private static @Nullable String pattern(@Nullable String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String escaped = query.strip()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + String.join("%", escaped.split("\\s+")) + "%";
    }

    @Override
    public List<Person> pageManagedBy(UUID managerId, int page, int size) {
        return jdbc.sql("select " + COLUMNS
                        + " from person where manager_id = ? order by family_name, given_name, id limit ? offset ?")
                .params(managerId, size, (long) page * size)
                .query(this::row)
                .list();
    }

    @Override
    public long countManagedBy(UUID managerId) {
        return jdbc.sql("select count(*) from person where manager_id = ?")
                .param(managerId)
                .query(Long.class)
                .single();
    }

    @Override
    public Map<String, Person> byEmail(Collection<String> normalisedEmails) {
        if (normalisedEmails.isEmpty()) {
            return Map.of();
        }
        Map<String, Person> found = new HashMap<>();
        List<String> all = List.copyOf(normalisedEmails);
        for (int from = 0; from < all.size(); from += 1000) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
            jdbc.sql("select " + COLUMNS + " from person where lower(email) = any (?)")
                    .param(chunk.toArray(String[]::new))
                    .query(this::row)
                    .list()
                    .forEach(person -> found.put(person.profile().email().normalised(), person));
        }
        return found;
    }

    @Override
    public boolean isEmployed(UUID id) {
        return jdbc.sql("select exists (select 1 from person where id = ? and status = 'EMPLOYED')")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    @Override
    public boolean idInUse(UUID id) {
        return jdbc.sql("select person_id_in_use(?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    @Override
    @Transactional
    public void add(Person person) {
        PersonProfile profile = person.profile();
        try {
            jdbc.sql("""
                            insert into person (given_name, family_name, email, personal_number_cipher, workplace_id,
                                workplace_name, occupation, manager_id, sex, birth_year, education_level, roles,
                                status, left_on, version, id, tenant_id)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(values(person))
                    .params(person.id(), person.organisation().value())
                    .update();
        } catch (DuplicateKeyException taken) {
            throw emailTaken(profile);
        }
        person.events().forEach(publisher::publishEvent);
    }

    @Override
    @Transactional
    public boolean addFirstCoordinator(Person coordinator) {
        String tenant = coordinator.organisation().value();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('samlyft.first-coordinator:' || ?))")
                .param(tenant)
                .query()
                .singleRow();
        boolean hasOne = jdbc.sql("""
                        select exists (select 1 from person where tenant_id = ? and status = 'EMPLOYED'
                                       and roles && array['coordinator', 'federation-coordinator'])""").param(tenant).query(Boolean.class).single();
        if (hasOne) {
            return false;
        }
        add(coordinator);
        return true;
    }

    @Override
    @Transactional
    public void update(Person person, long expectedVersion) {
        int updated;
        try {
            updated = jdbc.sql("""
                            update person set given_name = ?, family_name = ?, email = ?, personal_number_cipher = ?,
                                workplace_id = ?, workplace_name = ?, occupation = ?, manager_id = ?, sex = ?,
                                birth_year = ?, education_level = ?, roles = ?, status = ?, left_on = ?, version = ?,
                                updated_at = now(), login_state = 'PENDING', login_reason = null
                            where id = ? and version = ?""")
                    .params(values(person))
                    .params(person.id(), expectedVersion)
                    .update();
        } catch (DuplicateKeyException taken) {
            throw emailTaken(person.profile());
        }
        if (updated == 0) {
            throw new PreconditionFailed("The person has changed since version " + expectedVersion
                    + "; read them again and apply the change to the current version.");
        }
        person.events().forEach(publisher::publishEvent);
    }

    @Override
    @Transactional
    public void recordLogin(UUID id, Login login) {
        jdbc.sql("update person set login_state = ?, login_reason = ? where id = ?")
                .params(login.state().name(), login.reason(), id)
                .update();
    }

    @Override
    @Transactional
    public void erase(Person person) {
        Instant at = person.events().isEmpty()
                ? clock.instant()
                : person.events().getLast().at();
        List<Person> reports = jdbc.sql("select " + COLUMNS + " from person where manager_id = ?")
                .param(person.id())
                .query(this::row)
                .list();
        for (Person report : reports) {
            long stored = report.version();
            PersonProfile profile = report.profile();
            if (report.status() == PersonStatus.EMPLOYED) {
                report.change(withoutManager(profile), at);
                update(report, stored);
            } else {
                jdbc.sql("update person set manager_id = null where id = ?")
                        .param(report.id())
                        .update();
            }
        }
        jdbc.sql("delete from person where id = ?").param(person.id()).update();
        jdbc.sql("delete from samlyft.idempotency_key where position(convert_to(?, 'UTF8') in response_body) > 0")
                .param(person.id().toString())
                .update();
        jdbc.sql("insert into erased_person (id, tenant_id, version, erased_at) values (?, ?, ?, ?)")
                .params(person.id(), person.organisation().value(), person.version(), Timestamp.from(at))
                .update();
        person.events().forEach(publisher::publishEvent);
    }

    private static PersonProfile withoutManager(PersonProfile profile) {
        return new PersonProfile(
                profile.givenName(),
                profile.familyName(),
                profile.email(),
                profile.personalIdentityNumber(),
                profile.workplace(),
                profile.occupation(),
                null,
                profile.sex(),
                profile.birthYear(),
                profile.educationLevel(),
                profile.roles());
    }

    private static Conflict emailTaken(PersonProfile profile) {
        return new Conflict("Someone in the organisation already has the e-mail address "
                + profile.email().value() + "; each person's address is unique within the organisation.");
    }

    private Object[] values(Person person) {
        PersonProfile profile = person.profile();
        return new Object[] {
            profile.givenName(),
            profile.familyName(),
            profile.email().value(),
            profile.personalIdentityNumber() == null
                    ? null
                    : cipher.encrypt(profile.personalIdentityNumber(), person.id()),
            profile.workplace().id(),
            profile.workplace().name(),
            profile.occupation().name(),
            profile.managerId(),
            profile.sex().name(),
            profile.birthYear(),
            profile.educationLevel().name(),
            new RolesArray(
                    profile.roles().stream().map(Role::realmRole).sorted().toArray(String[]::new)),
            person.status().name(),
            person.leftOn(),
            person.version()
        };
    }

    private Person row(ResultSet row, int number) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        byte[] sealed = row.getBytes("personal_number_cipher");
        Array roles = row.getArray("roles");
        PersonProfile profile = new PersonProfile(
                row.getString("given_name"),
                row.getString("family_name"),
                EmailAddress.of(row.getString("email")),
                sealed == null ? null : cipher.decrypt(sealed, id),
                new Workplace(row.getString("workplace_id"), row.getString("workplace_name")),
                Occupation.valueOf(row.getString("occupation")),
                row.getObject("manager_id", UUID.class),
                Sex.valueOf(row.getString("sex")),
                row.getInt("birth_year"),
                EducationLevel.valueOf(row.getString("education_level")),
                Arrays.stream((String[]) roles.getArray())
                        .map(Role::ofRealmRole)
                        .collect(Collectors.toSet()));
        return Person.restore(
                id,
                TenantId.of(row.getString("tenant_id")),
                profile,
                PersonStatus.valueOf(row.getString("status")),
                row.getObject("left_on", LocalDate.class),
                row.getLong("version"),
                new Login(Login.State.valueOf(row.getString("login_state")), row.getString("login_reason")));
    }

    /** A text[] parameter. */
    private record RolesArray(String[] roles) implements SqlTypeValue {
        @Override
        public void setTypeValue(PreparedStatement statement, int index, int sqlType, @Nullable String typeName)
                throws SQLException {
            statement.setArray(index, statement.getConnection().createArrayOf("text", roles));
        }
    }
}
