package se.samlyft.identity.participants;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import se.samlyft.identity.person.Sex;

/**
 * One line of the funder's participant list: the personal identity number (none if identity holds none for the
 * person), sex, and the months the participation started and ended.
 */
public record ListedParticipant(
        @Nullable String personalIdentityNumber,
        Sex sex,
        YearMonth startMonth,
        @Nullable YearMonth endMonth) {}
