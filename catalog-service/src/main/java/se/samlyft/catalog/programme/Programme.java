package se.samlyft.catalog.programme;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

/**
 * A funded programme (an ESF project, a state grant) that an organisation runs and reports to its funder. Its terms
 * change when the funder amends the decision; each change raises the version and records a {@link ProgrammeEvent}.
 */
public final class Programme {

    private final UUID id;
    private final TenantId owner;
    private ProgrammeTerms terms;
    private long version;
    private final List<ProgrammeEvent> events = new ArrayList<>();

    private Programme(UUID id, TenantId owner, ProgrammeTerms terms, long version) {
        this.id = id;
        this.owner = owner;
        this.terms = terms;
        this.version = version;
    }

    /** A newly registered programme, at version 1. */
    public static Programme register(UUID id, TenantId owner, ProgrammeTerms terms, Instant at) {
        requireOthersAsPartners(owner, terms);
        Programme programme = new Programme(id, owner, terms, 1);
        programme.events.add(new ProgrammeEvent.Registered(id, owner, 1, terms, at));
        return programme;
    }

    /** A programme as it was stored, without recorded events. */
    public static Programme restore(UUID id, TenantId owner, ProgrammeTerms terms, long version) {
        return new Programme(id, owner, terms, version);
    }

    /** Replaces the terms with amended ones. */
    public void amend(ProgrammeTerms amended, Instant at) {
        requireOthersAsPartners(owner, amended);
        terms = amended;
        version++;
        events.add(new ProgrammeEvent.Changed(id, owner, version, terms, at));
    }

    private static void requireOthersAsPartners(TenantId owner, ProgrammeTerms terms) {
        if (terms.partners().contains(owner)) {
            throw new InvalidInput("partners", "are other organisations than the programme's owner " + owner);
        }
    }

    /** The events recorded since the programme was registered or restored, oldest first. */
    public List<ProgrammeEvent> events() {
        return List.copyOf(events);
    }

    public UUID id() {
        return id;
    }

    public TenantId owner() {
        return owner;
    }

    public ProgrammeTerms terms() {
        return terms;
    }

    public long version() {
        return version;
    }
}
