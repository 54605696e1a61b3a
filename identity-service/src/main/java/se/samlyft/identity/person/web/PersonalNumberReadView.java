package se.samlyft.identity.person.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.identity.person.PersonalNumberRead;

/**
 * One read of a personal identity number as the audit log shows it: whose, by whom, as whom, why and when, and for a
 * participant list which programme's.
 */
record PersonalNumberReadView(
        UUID person,
        Instant readAt,
        String reader,
        @Nullable UUID readerPersonId,
        PersonalNumberRead.ReaderRole readerRole,
        PersonalNumberRead.Purpose purpose,
        @Nullable UUID programmeId) {

    static PersonalNumberReadView of(PersonalNumberRead read) {
        return new PersonalNumberReadView(
                read.person(),
                read.at(),
                read.reader(),
                read.readerPerson().orElse(null),
                read.role(),
                read.purpose(),
                read.programme().orElse(null));
    }
}
