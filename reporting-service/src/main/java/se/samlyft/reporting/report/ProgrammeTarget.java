package se.samlyft.reporting.report;

import java.time.LocalDate;
import java.util.UUID;

/** The programme a follow-up is measured against: its number, name, period and planned participants. */
public record ProgrammeTarget(
        UUID programmeId,
        String number,
        String name,
        LocalDate startDate,
        LocalDate endDate,
        int plannedParticipants) {}
