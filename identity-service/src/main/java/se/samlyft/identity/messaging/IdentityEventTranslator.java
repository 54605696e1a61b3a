package se.samlyft.identity.messaging;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.samlyft.identity.organisation.FederationEvent;
import se.samlyft.identity.organisation.Membership;
import se.samlyft.identity.organisation.OrganisationEvent;
import se.samlyft.identity.organisation.OrganisationProfile;
import se.samlyft.identity.person.PersonEvent;
import se.samlyft.identity.person.PersonFacts;
import se.samlyft.identity.person.Role;
import se.samlyft.platform.outbox.Outbox;
import se.samlyft.platform.outbox.OutboxEvent;
import se.samlyft.platform.tenancy.TenantId;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates identity's domain events into its integration events, the published contract, and appends them to the
 * outbox in the transaction that stored the change. Person events carry ids and categories, never a name, an e-mail
 * address or a personal identity number; a change of those alone publishes nothing.
 */
@Component
class IdentityEventTranslator {

    /** Identity's topic; the key is the tenant id of an organisation or federation, or the person's id. */
    static final String TOPIC = "samlyft.identity.events";

    private static final String PREFIX = "se.samlyft.identity.";

    private final Outbox outbox;
    private final JsonMapper json = JsonMapper.builder().build();

    IdentityEventTranslator(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(OrganisationEvent event) {
        OrganisationProfile profile = event.profile();
        ObjectNode data = json.createObjectNode()
                .put("tenant", event.tenant().value())
                .put("version", event.version())
                .put("kind", event.kind().name())
                .put("name", profile.name())
                .put("organisationNumber", profile.organisationNumber().value())
                .put("employer", event.kind().employer().name());
        if (profile.municipalityCode() != null) {
            data.put("municipalityCode", profile.municipalityCode().value());
        }
        String type = switch (event) {
            case OrganisationEvent.Registered registered -> {
                data.put("registeredAt", registered.at().toString());
                yield "organisation-registered.v1";
            }
            case OrganisationEvent.Changed changed -> {
                data.put("changedAt", changed.at().toString());
                yield "organisation-changed.v1";
            }
        };
        append(type, event.tenant().value(), event.tenant(), data);
    }

    @EventListener
    void on(FederationEvent event) {
        ObjectNode data = json.createObjectNode()
                .put("federation", event.federation().value())
                .put("version", event.version());
        ArrayNode members = data.putArray("members");
        for (Membership period : event.members()) {
            ObjectNode member = members.addObject()
                    .put("tenant", period.member().value())
                    .put("joinedOn", period.joinedOn().toString());
            if (period.leftOn() != null) {
                member.put("leftOn", period.leftOn().toString());
            }
            member.put("acceptedOn", period.acceptedOn().toString())
                    .put("consent", period.consent().name());
        }
        data.put("changedAt", event.at().toString());
        append("federation-membership-changed.v1", event.federation().value(), event.federation(), data);
    }

    @EventListener
    void on(PersonEvent event) {
        ObjectNode data = json.createObjectNode()
                .put("personId", event.personId().toString())
                .put("organisation", event.organisation().value())
                .put("version", event.version());
        String type;
        switch (event) {
            case PersonEvent.Registered registered -> {
                facts(data, registered.facts());
                data.put("registeredAt", registered.at().toString());
                type = "person-registered.v1";
            }
            case PersonEvent.Changed changed -> {
                if (!changed.factsChanged()) {
                    return;
                }
                facts(data, changed.facts());
                data.put("changedAt", changed.at().toString());
                type = "person-changed.v1";
            }
            case PersonEvent.Left left -> {
                data.put("leftOn", left.leftOn().toString());
                data.put("leftAt", left.at().toString());
                type = "person-left.v1";
            }
            case PersonEvent.Erased erased -> {
                data.put("erasedAt", erased.at().toString());
                type = "person-erased.v1";
            }
        }
        append(type, event.personId().toString(), event.organisation(), data);
    }

    private static void facts(ObjectNode data, PersonFacts facts) {
        data.put("workplaceId", facts.workplace().id())
                .put("workplaceName", facts.workplace().name())
                .put("occupation", facts.occupation().name())
                .put("sex", facts.sex().name())
                .put("birthYear", facts.birthYear())
                .put("educationLevel", facts.educationLevel().name());
        if (facts.managerId() != null) {
            data.put("managerId", facts.managerId().toString());
        }
        ArrayNode roles = data.putArray("roles");
        facts.roles().stream().map(Role::realmRole).sorted().forEach(roles::add);
    }

    private void append(String type, String key, TenantId tenant, ObjectNode data) {
        outbox.append(OutboxEvent.of(TOPIC, PREFIX + type, key, tenant, data));
    }
}
