package se.samlyft.identity.person;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The people of the current tenant scope (row-level security shows no other tenant's). Storing one hands its
 * recorded events on in the same transaction.
 */
public interface People {

    Optional<Person> find(UUID id);

    /**
     * One page of the scope's people, ordered by family and given name: those whose name, e-mail address or workplace
     * holds the query's words (in order, in any case), or everyone without a query.
     */
    List<Person> page(@Nullable String query, int page, int size);

    /** How many people {@link #page} pages through. */
    long count(@Nullable String query);

    /** One page of the people whose manager is {@code managerId}, ordered by family and given name. */
    List<Person> pageManagedBy(UUID managerId, int page, int size);

    /** How many people {@code managerId} manages. */
    long countManagedBy(UUID managerId);

    /** The people of the scope with these e-mail addresses (lower-case), by address. */
    Map<String, Person> byEmail(Collection<String> normalisedEmails);

    /** Whether an employed person with this id exists in the scope (a manager must). */
    boolean isEmployed(UUID id);

    /** Whether any organisation's person, present or erased, has this id. */
    boolean idInUse(UUID id);

    /** Stores a new person; an e-mail address already used in the organisation is a conflict. */
    void add(Person person);

    /**
     * Stores {@code coordinator}, a new person, as the first coordinator of their organisation, unless the organisation
     * already has an employed coordinator (then nothing is stored and the answer is false). Two concurrent calls for
     * one organisation store one coordinator.
     */
    boolean addFirstCoordinator(Person coordinator);

    /** Stores a changed person whose stored version is {@code expectedVersion}; their login is pending again. */
    void update(Person person, long expectedVersion);

    /**
     * Records where the person's login stands, as provisioning found it; changes neither the person's version nor
     * anything else about them. Does nothing if the person is gone.
     */
    void recordLogin(UUID id, Login login);

    /**
     * Removes everything identity holds about an erased person, keeping only the id and the version of the erasure:
     * their row (name, e-mail address, encrypted personal identity number, facts), and stored responses to creating
     * requests that name them; clears them as manager of others (recording their change).
     */
    void erase(Person person);
}
