package se.samlyft.identity.person;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The audit log of personal identity number reads, in the current tenant scope: appended to before a number is shown,
 * never changed.
 */
public interface PersonalNumberReads {

    /** Records the read; the number may be shown only once this has returned. */
    void record(PersonalNumberRead read);

    /** One page of the reads, the newest first: of one person's number, or of every number of the organisation. */
    List<PersonalNumberRead> page(@Nullable UUID person, int page, int size);

    /** How many reads {@link #page} pages through. */
    long count(@Nullable UUID person);
}
