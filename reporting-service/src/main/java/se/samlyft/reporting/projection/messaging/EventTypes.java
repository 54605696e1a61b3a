package se.samlyft.reporting.projection.messaging;

import java.util.List;

/** The topics and event types the read model is built from; every other type on these topics is passed over. */
final class EventTypes {

    static final String CATALOG_TOPIC = "samlyft.catalog.events";
    static final String IDENTITY_TOPIC = "samlyft.identity.events";
    static final String ENROLMENT_TOPIC = "samlyft.enrolment.events";

    /**
     * The order a rebuild reads the topics in: the catalog, then the enrolments, then identity, so that a person's
     * erasure comes after every enrolment fact it hides, as it did when the events were new.
     */
    static final List<String> REBUILD_ORDER = List.of(CATALOG_TOPIC, ENROLMENT_TOPIC, IDENTITY_TOPIC);

    static final String PROGRAMME_REGISTERED = "se.samlyft.catalog.programme-registered.v1";
    static final String PROGRAMME_CHANGED = "se.samlyft.catalog.programme-changed.v1";

    static final String ORGANISATION_REGISTERED = "se.samlyft.identity.organisation-registered.v1";
    static final String ORGANISATION_CHANGED = "se.samlyft.identity.organisation-changed.v1";
    static final String MEMBERSHIP_CHANGED = "se.samlyft.identity.federation-membership-changed.v1";
    static final String PERSON_REGISTERED = "se.samlyft.identity.person-registered.v1";
    static final String PERSON_CHANGED = "se.samlyft.identity.person-changed.v1";
    static final String PERSON_LEFT = "se.samlyft.identity.person-left.v1";
    static final String PERSON_ERASED = "se.samlyft.identity.person-erased.v1";

    static final String ENROLMENT_PREFIX = "se.samlyft.enrolment.";
    static final String ENROLMENT_STARTED = "se.samlyft.enrolment.enrolment-started.v1";
    static final List<String> ENROLMENT_ENDED = List.of(
            "se.samlyft.enrolment.enrolment-completed.v1",
            "se.samlyft.enrolment.enrolment-withdrawn.v1",
            "se.samlyft.enrolment.enrolment-declined.v1",
            "se.samlyft.enrolment.enrolment-cancelled.v1",
            "se.samlyft.enrolment.enrolment-no-show.v1");
    static final String TIME_STATEMENT_CONFIRMED = "se.samlyft.enrolment.time-statement-confirmed.v1";
    static final String EVALUATION_SUBMITTED = "se.samlyft.enrolment.evaluation-submitted.v1";

    private EventTypes() {}
}
