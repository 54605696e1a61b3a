package se.samlyft.identity.person;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import se.samlyft.platform.tenancy.TenantId;

/**
 * One read of a person's personal identity number, for the audit log: whose number ({@code person}, of
 * {@code organisation}), who read it ({@code reader}, the user name of their token, and their person id if they are a
 * person of the platform), as whom, why and when; for a participant list, which programme's ({@code programme}).
 */
public record PersonalNumberRead(
        UUID id,
        TenantId organisation,
        UUID person,
        Instant at,
        String reader,
        Optional<UUID> readerPerson,
        ReaderRole role,
        Purpose purpose,
        Optional<UUID> programme) {

    /** In which capacity the reader read the number. */
    public enum ReaderRole {
        THE_PERSON,
        COORDINATOR,
        PROJECT_LEADER
    }

    /** Why the number was shown. */
    public enum Purpose {
        /** The person's data export (right of access and portability). */
        EXPORT,
        /** The funder's participant list of a programme. */
        PARTICIPANT_LIST
    }

    public PersonalNumberRead {
        Objects.requireNonNull(reader, "reader");
        if (reader.isBlank()) {
            throw new IllegalArgumentException("A read of a personal identity number names its reader");
        }
        if ((purpose == Purpose.PARTICIPANT_LIST) != programme.isPresent()) {
            throw new IllegalArgumentException("A read for a participant list, and only one, names its programme");
        }
    }
}
