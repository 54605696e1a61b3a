package se.samlyft.identity.participants;

import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.tenancy.TenantId;

/**
 * One person's part in a programme as reporting counts it: the month they first began an enrolment in it and, once
 * every one they began has ended, the month the last one ended.
 */
public record Participation(
        UUID personId,
        TenantId organisation,
        YearMonth startMonth,
        @Nullable YearMonth endMonth) {

    public Participation {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(startMonth, "startMonth");
    }
}
