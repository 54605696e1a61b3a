package se.samlyft.reporting.projection.messaging;

import static se.samlyft.reporting.projection.messaging.EventTypes.ENROLMENT_ENDED;
import static se.samlyft.reporting.projection.messaging.EventTypes.ENROLMENT_PREFIX;
import static se.samlyft.reporting.projection.messaging.EventTypes.ENROLMENT_STARTED;
import static se.samlyft.reporting.projection.messaging.EventTypes.EVALUATION_SUBMITTED;
import static se.samlyft.reporting.projection.messaging.EventTypes.MEMBERSHIP_CHANGED;
import static se.samlyft.reporting.projection.messaging.EventTypes.ORGANISATION_CHANGED;
import static se.samlyft.reporting.projection.messaging.EventTypes.ORGANISATION_REGISTERED;
import static se.samlyft.reporting.projection.messaging.EventTypes.PERSON_CHANGED;
import static se.samlyft.reporting.projection.messaging.EventTypes.PERSON_ERASED;
import static se.samlyft.reporting.projection.messaging.EventTypes.PERSON_LEFT;
import static se.samlyft.reporting.projection.messaging.EventTypes.PERSON_REGISTERED;
import static se.samlyft.reporting.projection.messaging.EventTypes.PROGRAMME_CHANGED;
import static se.samlyft.reporting.projection.messaging.EventTypes.PROGRAMME_REGISTERED;
import static se.samlyft.reporting.projection.messaging.EventTypes.TIME_STATEMENT_CONFIRMED;

import java.util.UUID;
import org.springframework.stereotype.Component;
import se.samlyft.platform.inbox.InboundEvent;
import se.samlyft.platform.inbox.Inbox;
import se.samlyft.reporting.projection.EnrolmentFacts;
import se.samlyft.reporting.projection.EnrolmentStep;
import se.samlyft.reporting.projection.Evaluation;
import se.samlyft.reporting.projection.FederationMembership;
import se.samlyft.reporting.projection.OrganisationFacts;
import se.samlyft.reporting.projection.PersonErased;
import se.samlyft.reporting.projection.PersonFacts;
import se.samlyft.reporting.projection.PersonLeft;
import se.samlyft.reporting.projection.ProgrammeFacts;
import se.samlyft.reporting.projection.Pseudonyms;
import se.samlyft.reporting.projection.ReadModel;
import se.samlyft.reporting.projection.TimeStatement;

/**
 * Applies one event to one generation of the read model, once: through the inbox, as the consumer {@code
 * read-model-g<generation>}, in the tenant scope the event names, in the transaction of the poll when called inside
 * {@link Inbox#handlePoll}. Types the reports do not use are recorded as applied
 * and change nothing.
 */
@Component
public class EventProjection {

    private final Inbox inbox;
    private final ReadModel readModel;
    private final Pseudonyms pseudonyms;

    EventProjection(Inbox inbox, ReadModel readModel, Pseudonyms pseudonyms) {
        this.inbox = inbox;
        this.readModel = readModel;
        this.pseudonyms = pseudonyms;
    }

    /** The inbox's consumer name of a generation. */
    static String consumerOf(int generation) {
        return "read-model-g" + generation;
    }

    /**
     * Applies the event to the generation unless it was applied to it before.
     *
     * @return whether it was applied now
     */
    public boolean apply(int generation, InboundEvent event) {
        return inbox.handle(consumerOf(generation), event, applied -> project(generation, applied));
    }

    private void project(int generation, InboundEvent event) {
        String type = event.type();
        switch (type) {
            case PROGRAMME_REGISTERED, PROGRAMME_CHANGED ->
                readModel.programme(generation, event.dataAs(ProgrammeFacts.class));
            case ORGANISATION_REGISTERED, ORGANISATION_CHANGED ->
                readModel.organisation(generation, event.dataAs(OrganisationFacts.class));
            case MEMBERSHIP_CHANGED -> readModel.membership(generation, event.dataAs(FederationMembership.class));
            case PERSON_REGISTERED, PERSON_CHANGED -> {
                PersonFacts person = event.dataAs(PersonFacts.class);
                readModel.person(generation, participantOf(person.personId()), person);
            }
            case PERSON_LEFT -> {
                PersonLeft left = event.dataAs(PersonLeft.class);
                readModel.personLeft(generation, participantOf(left.personId()), left);
            }
            case PERSON_ERASED -> {
                PersonErased erased = event.dataAs(PersonErased.class);
                readModel.personErased(generation, participantOf(erased.personId()), erased);
            }
            default -> {
                if (type.startsWith(ENROLMENT_PREFIX)) {
                    projectEnrolment(generation, event);
                }
            }
        }
        if (event.tenant() != null) {
            readModel.holdsRowsOf(event.tenant().value());
        }
    }

    private void projectEnrolment(int generation, InboundEvent event) {
        EnrolmentFacts enrolment = event.dataAs(EnrolmentFacts.class);
        UUID participant = participantOf(enrolment.personId());
        String type = event.type();
        if (type.equals(TIME_STATEMENT_CONFIRMED)) {
            readModel.timeStatement(generation, participant, enrolment, event.dataAs(TimeStatement.class));
            return;
        }
        EnrolmentStep step = type.equals(ENROLMENT_STARTED)
                ? EnrolmentStep.STARTED
                : ENROLMENT_ENDED.contains(type) ? EnrolmentStep.ENDED : EnrolmentStep.OTHER;
        readModel.enrolment(generation, participant, enrolment, step);
        if (type.equals(EVALUATION_SUBMITTED)) {
            readModel.evaluation(generation, enrolment, event.dataAs(Evaluation.class));
        }
    }

    private UUID participantOf(UUID personId) {
        return pseudonyms.participantOf(personId);
    }
}
