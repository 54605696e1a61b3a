package se.samlyft.enrolment.enrolment.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.Enrolment;
import se.samlyft.enrolment.enrolment.Enrolments;
import se.samlyft.enrolment.enrolment.TimeStatement;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.platform.security.Caller;

/**
 * The participant confirms a month's hours of study or attendance (Swedish calendar months); the same month again is
 * a correction, its next revision. Those who read the enrolment read its statements.
 */
public final class RecordingTime {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final EnrolmentPolicy policy;
    private final Enrolments enrolments;
    private final Transactions transactions;
    private final EnrolmentLookup lookup;

    public RecordingTime(
            EnrolmentPolicy policy, Enrolments enrolments, Transactions transactions, EnrolmentLookup lookup) {
        this.policy = policy;
        this.enrolments = enrolments;
        this.transactions = transactions;
        this.lookup = lookup;
    }

    public TimeStatement confirm(
            Caller caller,
            UUID id,
            @Nullable String ifMatch,
            YearMonth month,
            BigDecimal hours,
            BigDecimal paidWorkingTimeHours) {
        return transactions.inTransaction(() -> {
            Enrolment enrolment = policy.requireParticipant(lookup.visible(id), caller);
            EnrolmentLookup.checkVersion(ifMatch, enrolment);
            Offering offering = lookup.offeringOf(enrolment);
            Instant at = lookup.now();
            long stored = enrolment.version();
            TimeStatement confirmed = enrolment.confirmTimeStatement(
                    month,
                    hours,
                    paidWorkingTimeHours,
                    enrolments.timeStatements(id).get(month),
                    offering,
                    YearMonth.from(offering.startsAt().atZone(SWEDEN)),
                    YearMonth.from(at.atZone(SWEDEN)),
                    at);
            enrolments.update(enrolment, stored);
            enrolments.saveTimeStatement(enrolment, confirmed);
            return confirmed;
        });
    }

    /** The confirmed months, to those who may read the enrolment. */
    public List<TimeStatement> statements(Caller caller, UUID id) {
        policy.requireReadable(lookup.visible(id), caller);
        return List.copyOf(enrolments.timeStatements(id).values());
    }
}
