package se.samlyft.identity.hrimport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import se.samlyft.identity.organisation.OrganisationKind;
import se.samlyft.identity.person.Person;
import se.samlyft.identity.person.PersonProfile;
import se.samlyft.identity.person.PersonStatus;
import se.samlyft.identity.person.Role;
import se.samlyft.identity.person.RoleRules;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * What an HR export would do to an organisation's people, matched by e-mail address: people to register (ordered so
 * that a manager is registered before the people they manage), people to change, rows that change nothing, rows of
 * people who already left (skipped), and every problem. People absent from the file are left as they are.
 */
public final class ImportPlan {

    /** A changed person and the version they were read at. */
    public record Change(Person person, long readVersion) {}

    /**
     * A person the import registers or changes: id, the file's line, the address, and for a change the fields that
     * change (by the API's names; a personal identity number is named, never shown).
     */
    public record Imported(UUID id, int line, String email, List<String> changes) {

        public Imported {
            changes = List.copyOf(changes);
        }
    }

    /** A row that takes a coordinator's or manager's roles away, as an empty role cell does: said before it is run. */
    public record RoleWarning(int line, String email, List<String> removedRoles) {

        public RoleWarning {
            removedRoles = List.copyOf(removedRoles);
        }
    }

    /** The roles an import warns about before taking them away. */
    private static final List<Role> WATCHED_ROLES = List.of(Role.COORDINATOR, Role.MANAGER);

    private final List<Person> registrations = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<Imported> created = new ArrayList<>();
    private final List<Imported> changed = new ArrayList<>();
    private final List<RoleWarning> warnings = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private int unchanged;
    private int skipped;
    private final int rows;

    private ImportPlan(int rows) {
        this.rows = rows;
    }

    /**
     * Plans the import of {@code export} into {@code tenant}, whose current people with the file's addresses are
     * {@code existing} (by lower-case address).
     */
    public static ImportPlan of(
            HrExport export,
            TenantId tenant,
            OrganisationKind kind,
            Map<String, Person> existing,
            Supplier<UUID> ids,
            Instant at) {
        ImportPlan plan = new ImportPlan(export.rows().size());
        Map<String, HrRow> byEmail = new LinkedHashMap<>();
        for (HrRow.Reading reading : export.rows()) {
            plan.problems.addAll(reading.problems());
            HrRow row = reading.row();
            if (row == null) {
                continue;
            }
            String email = row.profile().email().normalised();
            HrRow earlier = byEmail.putIfAbsent(email, row);
            if (earlier != null) {
                plan.problems.add(new RowProblem(
                        row.line(),
                        HrColumn.EMAIL.headerName(),
                        "duplicate-email",
                        "is the same address as on line " + earlier.line() + "; each person is one row"));
                continue;
            }
            try {
                RoleRules.requireFit(kind, row.profile().roles());
            } catch (InvalidInput invalid) {
                plan.problems.add(
                        new RowProblem(row.line(), HrColumn.ROLES.headerName(), "role-not-allowed", invalid.reason()));
            }
        }
        Map<String, UUID> idByEmail = new HashMap<>();
        existing.forEach((email, person) -> {
            if (person.status() == PersonStatus.EMPLOYED) {
                idByEmail.put(email, person.id());
            }
        });
        Map<String, UUID> newIds = new HashMap<>();
        for (String email : byEmail.keySet()) {
            if (!existing.containsKey(email)) {
                newIds.put(email, ids.get());
            }
        }
        idByEmail.putAll(newIds);
        Map<String, PersonProfile> resolved = new LinkedHashMap<>();
        for (var entry : byEmail.entrySet()) {
            HrRow row = entry.getValue();
            UUID managerId = null;
            if (row.managerEmail() != null) {
                managerId = idByEmail.get(row.managerEmail());
                if (managerId == null || row.managerEmail().equals(entry.getKey())) {
                    plan.problems.add(new RowProblem(
                            row.line(),
                            HrColumn.MANAGER_EMAIL.headerName(),
                            "unknown-manager",
                            "must be the address of another employed person of the organisation, in this file or"
                                    + " registered before"));
                    continue;
                }
            }
            resolved.put(entry.getKey(), withManager(row.profile(), managerId));
        }
        List<String> pending = new ArrayList<>();
        for (var entry : resolved.entrySet()) {
            Person current = existing.get(entry.getKey());
            if (current == null) {
                pending.add(entry.getKey());
            } else if (current.status() == PersonStatus.LEFT) {
                plan.skipped++;
            } else {
                long version = current.version();
                PersonProfile before = current.profile();
                HrRow row = byEmail.get(entry.getKey());
                if (current.change(entry.getValue(), at)) {
                    plan.changes.add(new Change(current, version));
                    plan.changed.add(new Imported(
                            current.id(), row.line(), entry.getKey(), changedFields(before, entry.getValue())));
                    List<String> removed = WATCHED_ROLES.stream()
                            .filter(role -> before.roles().contains(role)
                                    && !entry.getValue().roles().contains(role))
                            .map(Role::realmRole)
                            .toList();
                    if (!removed.isEmpty()) {
                        plan.warnings.add(new RoleWarning(row.line(), entry.getKey(), removed));
                    }
                } else {
                    plan.unchanged++;
                }
            }
        }
        plan.orderRegistrations(pending, resolved, newIds, byEmail, tenant, at);
        plan.problems.sort(java.util.Comparator.comparingInt(RowProblem::line));
        return plan;
    }

    private void orderRegistrations(
            List<String> pending,
            Map<String, PersonProfile> resolved,
            Map<String, UUID> newIds,
            Map<String, HrRow> rowsByEmail,
            TenantId tenant,
            Instant at) {
        Map<UUID, String> emailOfNewId = new HashMap<>();
        newIds.forEach((email, id) -> emailOfNewId.put(id, email));
        java.util.Set<UUID> registered = new java.util.HashSet<>();
        List<String> waiting = new ArrayList<>(pending);
        boolean progress = true;
        while (!waiting.isEmpty() && progress) {
            progress = false;
            for (var it = waiting.iterator(); it.hasNext(); ) {
                String email = it.next();
                PersonProfile profile = resolved.get(email);
                @Nullable UUID manager = profile.managerId();
                if (manager == null || !emailOfNewId.containsKey(manager) || registered.contains(manager)) {
                    UUID id = newIds.get(email);
                    registrations.add(Person.register(id, tenant, profile, at));
                    created.add(new Imported(id, rowsByEmail.get(email).line(), email, List.of()));
                    registered.add(id);
                    it.remove();
                    progress = true;
                }
            }
        }
        for (String email : waiting) {
            problems.add(new RowProblem(
                    rowsByEmail.get(email).line(),
                    HrColumn.MANAGER_EMAIL.headerName(),
                    "manager-circle",
                    "forms a circle of managers, or names a manager whose own row has a problem"));
        }
    }

    /** The fields that differ between two profiles, by the API's names. */
    private static List<String> changedFields(PersonProfile before, PersonProfile after) {
        List<String> fields = new ArrayList<>();
        if (!before.givenName().equals(after.givenName())) {
            fields.add("givenName");
        }
        if (!before.familyName().equals(after.familyName())) {
            fields.add("familyName");
        }
        if (!before.email().equals(after.email())) {
            fields.add("email");
        }
        if (!java.util.Objects.equals(before.personalIdentityNumber(), after.personalIdentityNumber())) {
            fields.add("personalIdentityNumber");
        }
        if (!before.workplace().id().equals(after.workplace().id())) {
            fields.add("workplaceId");
        }
        if (!before.workplace().name().equals(after.workplace().name())) {
            fields.add("workplaceName");
        }
        if (before.occupation() != after.occupation()) {
            fields.add("occupation");
        }
        if (!java.util.Objects.equals(before.managerId(), after.managerId())) {
            fields.add("managerId");
        }
        if (before.sex() != after.sex()) {
            fields.add("sex");
        }
        if (before.birthYear() != after.birthYear()) {
            fields.add("birthYear");
        }
        if (before.educationLevel() != after.educationLevel()) {
            fields.add("educationLevel");
        }
        if (!before.roles().equals(after.roles())) {
            fields.add("roles");
        }
        return fields;
    }

    private static PersonProfile withManager(PersonProfile profile, @Nullable UUID managerId) {
        return new PersonProfile(
                profile.givenName(),
                profile.familyName(),
                profile.email(),
                profile.personalIdentityNumber(),
                profile.workplace(),
                profile.occupation(),
                managerId,
                profile.sex(),
                profile.birthYear(),
                profile.educationLevel(),
                profile.roles());
    }

    /** New people, each after their manager. */
    public List<Person> registrations() {
        return List.copyOf(registrations);
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    /** The people the import registers, in the order it registers them. */
    public List<Imported> created() {
        return List.copyOf(created);
    }

    /** The people the import changes, with what changes. */
    public List<Imported> changed() {
        return List.copyOf(changed);
    }

    /** The rows that take a coordinator's or manager's roles away. */
    public List<RoleWarning> warnings() {
        return List.copyOf(warnings);
    }

    public List<RowProblem> problems() {
        return List.copyOf(problems);
    }

    public int unchanged() {
        return unchanged;
    }

    /** Rows of people who already left the organisation, which the import does not change. */
    public int skipped() {
        return skipped;
    }

    public int rows() {
        return rows;
    }
}
