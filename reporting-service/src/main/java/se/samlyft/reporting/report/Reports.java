package se.samlyft.reporting.report;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The reports over the current generation of the read model, as far as the transaction's tenant scope may see it.
 * A federation's reports pass the federation: then an enrolment counts only if its organisation was a member on the
 * day it started (or was requested, if it never started).
 */
public interface Reports {

    /**
     * The organisations that were members of the federation on some day of the period (on any day, without one), if
     * the scope may see the federation's membership; empty if the tenant is no federation.
     */
    Optional<List<String>> membersOf(String federation, @Nullable Period period);

    /** The programme, if the scope may see it. */
    Optional<ProgrammeTarget> programme(UUID programmeId);

    /**
     * Whether the scope has any enrolment in the programme; given a federation, any on the federation's own offerings
     * or in its own programmes.
     */
    boolean hasEnrolments(UUID programmeId, @Nullable String jointOf);

    /**
     * The organisations whose people the owner of the programme reports to the funder, whatever the scope: those with
     * enrolments in it on the owner's own offerings or on those of a federation the owner is or was a member of.
     * Tenant ids only; none unless {@code owner} owns the programme.
     */
    List<String> tenantsReportedBy(String owner, UUID programmeId);

    /** Whether the read model knows the programme, whatever the scope: yes or no, nothing about it. */
    boolean programmeKnown(UUID programmeId);

    /**
     * The programme's participants in the scope who have not been erased, each once: the people who began an
     * enrolment in it, with their first and last months. For a federation, only its members' enrolments on the
     * federation's own offerings or in its own programmes.
     */
    List<ProgrammeParticipant> participants(UUID programmeId, @Nullable String federation);

    /**
     * The participants of the selection by the month they began, the first month each one began in: counts of
     * distinct participants, oldest month first.
     */
    List<MonthCount> participantsByFirstMonth(Selection selection);

    /** The hours of the programme's time statements for months outside {@code period}, with the paid part. */
    HoursOutside hoursOutside(UUID programmeId, Period period);

    /** How many participants began in a month, or had begun by its end (in the follow-up's running total). */
    record MonthCount(YearMonth month, long participants) {}

    /** Hours confirmed for months outside a programme's period. */
    record HoursOutside(BigDecimal hours, BigDecimal paidHours) {}

    FollowUp followUp(Selection selection, @Nullable SmallCounts rule);

    /**
     * The funder's monthly report of the programme, which names people. For a federation, only its members' enrolments
     * on the federation's own offerings or in its own programmes: never what a member did alone.
     */
    MonthlyReport monthly(UUID programmeId, YearMonth month, @Nullable String federation);

    /**
     * Hours on paid working time per person, which names people. For a federation, only its members' enrolments on the
     * federation's own offerings or in its own programmes: never what a member did alone.
     */
    PaidTimeEvidence paidTime(YearMonth from, YearMonth to, @Nullable UUID programmeId, @Nullable String federation);

    /**
     * Which enrolments a follow-up counts: of a programme, in a period (by the day they started, or were requested),
     * of a federation's members while they were members.
     */
    record Selection(
            @Nullable ProgrammeTarget programme,
            @Nullable UUID programmeId,
            @Nullable Period period,
            @Nullable String federation) {}
}
