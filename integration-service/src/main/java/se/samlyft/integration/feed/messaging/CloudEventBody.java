package se.samlyft.integration.feed.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import se.samlyft.contracts.EventContracts;
import se.samlyft.platform.inbox.InboundEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The structured CloudEvent 1.0 (JSON event format) that webhooks and the feed deliver: the event's attributes, the
 * {@code tenantid} extension and the contract's data, always in the same order and without white space, so that the
 * text signed and sent is the text stored.
 */
final class CloudEventBody {

    static final String SPEC_VERSION = "1.0";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CloudEventBody() {}

    static String of(InboundEvent event, Instant time, ObjectNode data) {
        ObjectNode body = JSON.createObjectNode()
                .put("specversion", SPEC_VERSION)
                .put("id", event.id())
                .put("source", event.source())
                .put("type", event.type());
        @Nullable String subject = event.subject();
        if (subject != null) {
            body.put("subject", subject);
        }
        body.put("time", time.toString())
                .put("datacontenttype", "application/json")
                .put("dataschema", EventContracts.dataschemaOf(event.type()));
        if (event.tenant() != null) {
            body.put("tenantid", event.tenant().value());
        }
        body.set("data", data);
        return JSON.writeValueAsString(body);
    }
}
