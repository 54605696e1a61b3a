package se.samlyft.identity.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import se.samlyft.platform.tenancy.TenantId;

/** What happened to a person, with the version after the change. */
public sealed interface PersonEvent {

    UUID personId();

    TenantId organisation();

    long version();

    Instant at();

    /** A person was registered by a coordinator or an HR import. */
    record Registered(PersonFacts facts, Instant at) implements PersonEvent {
        @Override
        public UUID personId() {
            return facts.personId();
        }

        @Override
        public TenantId organisation() {
            return facts.organisation();
        }

        @Override
        public long version() {
            return facts.version();
        }
    }

    /**
     * A person's profile changed. {@code factsChanged} tells whether anything other services see changed, or only
     * what stays in identity (name, e-mail address, personal identity number).
     */
    record Changed(PersonFacts facts, boolean factsChanged, Instant at) implements PersonEvent {
        @Override
        public UUID personId() {
            return facts.personId();
        }

        @Override
        public TenantId organisation() {
            return facts.organisation();
        }

        @Override
        public long version() {
            return facts.version();
        }
    }

    /** A person left the organisation; {@code leftOn} is the first day without employment. */
    record Left(UUID personId, TenantId organisation, long version, LocalDate leftOn, Instant at)
            implements PersonEvent {}

    /** A person's identity data was erased on their request. */
    record Erased(UUID personId, TenantId organisation, long version, Instant at) implements PersonEvent {}
}
