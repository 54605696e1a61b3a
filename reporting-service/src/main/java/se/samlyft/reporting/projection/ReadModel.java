package se.samlyft.reporting.projection;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * The read model's store. Each write goes to one generation, runs in the tenant scope of the event that causes it,
 * and never takes an aggregate back to an older version: an older event arriving late changes nothing.
 */
public interface ReadModel {

    Generations generations();

    /**
     * The generations, held until the caller's transaction ends: no rebuild starts, switches or is abandoned while
     * events are being applied to them.
     */
    Generations generationsWhileApplying();

    /**
     * Starts filling the next generation.
     *
     * @return the generation to fill
     * @throws IllegalStateException if a rebuild is running already
     */
    int startBuilding(Instant now);

    /** Records how far the rebuild of {@code generation} has come; nothing when it is no longer being built. */
    void recordRebuildProgress(int generation, RebuildProgress progress);

    /** How far the rebuild being built, or else the last one, has come. */
    RebuildProgress rebuildProgress();

    /** Gives up the generation being built, so that a later rebuild can start afresh. */
    void abandon(int generation);

    /** Makes the generation being built the current one. */
    void switchTo(int generation, Instant now);

    /** The tenants the read model holds rows of. */
    Collection<String> tenants();

    /**
     * Deletes the rows of every generation that is neither current nor being built, in the scope of all tenants, and
     * the inbox's record of the events applied to them.
     */
    void deleteRetiredGenerations();

    /** Remembers that the read model holds rows of {@code tenant}. */
    void holdsRowsOf(String tenant);

    void organisation(int generation, OrganisationFacts organisation);

    void membership(int generation, FederationMembership membership);

    void programme(int generation, ProgrammeFacts programme);

    void person(int generation, UUID participant, PersonFacts person);

    void personLeft(int generation, UUID participant, PersonLeft left);

    void personErased(int generation, UUID participant, PersonErased erased);

    void enrolment(int generation, UUID participant, EnrolmentFacts enrolment, EnrolmentStep step);

    void timeStatement(int generation, UUID participant, EnrolmentFacts enrolment, TimeStatement statement);

    void evaluation(int generation, EnrolmentFacts enrolment, Evaluation evaluation);
}
