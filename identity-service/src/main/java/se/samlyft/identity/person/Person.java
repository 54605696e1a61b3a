package se.samlyft.identity.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * An employee of one organisation. Someone employed by two organisations is two people, one in each tenant, each
 * with an id, a login and a manager of its own, so tenants stay isolated. Each change raises the version and records
 * a {@link PersonEvent}, and leaves the {@link Login} pending until Keycloak has it; a person who left can no longer
 * be changed, only erased.
 */
public final class Person {

    private final UUID id;
    private final TenantId organisation;
    private PersonProfile profile;
    private PersonStatus status;
    private @Nullable LocalDate leftOn;
    private long version;
    private Login login;
    private final List<PersonEvent> events = new ArrayList<>();

    private Person(
            UUID id,
            TenantId organisation,
            PersonProfile profile,
            PersonStatus status,
            @Nullable LocalDate leftOn,
            long version,
            Login login) {
        if (id.equals(profile.managerId())) {
            throw new InvalidInput("managerId", "must name someone else than the person");
        }
        this.id = id;
        this.organisation = organisation;
        this.profile = profile;
        this.status = status;
        this.leftOn = leftOn;
        this.version = version;
        this.login = login;
    }

    /** A newly registered person, employed, at version 1. */
    public static Person register(UUID id, TenantId organisation, PersonProfile profile, Instant at) {
        Person person = new Person(id, organisation, profile, PersonStatus.EMPLOYED, null, 1, Login.pending());
        person.events.add(new PersonEvent.Registered(PersonFacts.of(id, organisation, 1, profile), at));
        return person;
    }

    /** A person as stored, without recorded events. */
    public static Person restore(
            UUID id,
            TenantId organisation,
            PersonProfile profile,
            PersonStatus status,
            @Nullable LocalDate leftOn,
            long version,
            Login login) {
        return new Person(id, organisation, profile, status, leftOn, version, login);
    }

    /** Replaces the profile; returns false, changing nothing, when it equals the current one. */
    public boolean change(PersonProfile changed, Instant at) {
        requireEmployed("changed");
        if (id.equals(changed.managerId())) {
            throw new InvalidInput("managerId", "must name someone else than the person");
        }
        if (changed.equals(profile)) {
            return false;
        }
        boolean factsChanged = !PersonFacts.of(id, organisation, version, changed)
                .equals(PersonFacts.of(id, organisation, version, profile));
        profile = changed;
        version++;
        login = Login.pending();
        events.add(new PersonEvent.Changed(PersonFacts.of(id, organisation, version, profile), factsChanged, at));
        return true;
    }

    /** Ends the employment: {@code day} is the first day without it. The person's login is disabled. */
    public void leave(LocalDate day, Instant at) {
        requireEmployed("marked as having left");
        status = PersonStatus.LEFT;
        leftOn = day;
        version++;
        login = Login.pending();
        events.add(new PersonEvent.Left(id, organisation, version, day, at));
    }

    /** Records the erasure of the person's identity data; the repository removes it. */
    public void erase(Instant at) {
        version++;
        events.add(new PersonEvent.Erased(id, organisation, version, at));
    }

    private void requireEmployed(String what) {
        if (status == PersonStatus.LEFT) {
            throw new Conflict("The person left the organisation on " + leftOn + " and can no longer be " + what + ".");
        }
    }

    public PersonFacts facts() {
        return PersonFacts.of(id, organisation, version, profile);
    }

    public List<PersonEvent> events() {
        return List.copyOf(events);
    }

    public UUID id() {
        return id;
    }

    public TenantId organisation() {
        return organisation;
    }

    public PersonProfile profile() {
        return profile;
    }

    public PersonStatus status() {
        return status;
    }

    public @Nullable LocalDate leftOn() {
        return leftOn;
    }

    public long version() {
        return version;
    }

    /** Whether the person can log in as described here; pending again after every change. */
    public Login login() {
        return login;
    }
}
