package se.samlyft.reporting.participation;

/** The participation read model, as far as the current tenant scope may see it. */
public interface Participation {

    ParticipationSummary summary();
}
