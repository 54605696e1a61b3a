package se.samlyft.platform.inbox;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one producer of each of the platform's topics, so that a consumer can refuse an event that claims to come from
 * elsewhere. A topic named {@code samlyft.<name>.events} is written by {@code <name>-service} alone: its events have
 * the source {@code /samlyft/<name>-service} and types {@code se.samlyft.<name>.*}. Topics named otherwise have a
 * producer only if one is configured ({@code samlyft.consumer.producers.<topic>=<source>}, with types of any name);
 * events read from a topic with no known producer are not checked.
 *
 * <p>The broker's ACLs let only a topic's producer write it; this check holds on the consumer's side too, so that a
 * record that another principal wrote (a misconfigured ACL, an operator's tool) never counts as the producer's.
 */
public final class EventProducers {

    private static final Pattern SERVICE_TOPIC = Pattern.compile("samlyft\\.([a-z][a-z0-9-]*)\\.events");

    private final Map<String, String> configured;

    /** @param configured the source of the producer of each topic that does not follow the naming convention */
    public EventProducers(Map<String, String> configured) {
        this.configured = Map.copyOf(configured);
    }

    /** The producers the naming convention gives, and no others. */
    public static EventProducers byConvention() {
        return new EventProducers(Map.of());
    }

    /**
     * Refuses an event whose source, or whose type, is not that of its topic's producer.
     *
     * @throws ForeignEventException if the event names another producer than its topic's
     */
    public void check(InboundEvent event) {
        String topic = event.position().topic();
        String source = configured.get(topic);
        String typePrefix = null;
        if (source == null) {
            Matcher service = SERVICE_TOPIC.matcher(topic);
            if (!service.matches()) {
                return;
            }
            source = "/samlyft/" + service.group(1) + "-service";
            typePrefix = "se.samlyft." + service.group(1) + ".";
        }
        if (!source.equals(event.source())) {
            throw new ForeignEventException(event + " claims the source " + event.source() + ", but " + topic
                    + " is written by " + source + " alone");
        }
        if (typePrefix != null && !event.type().startsWith(typePrefix)) {
            throw new ForeignEventException(
                    event + " has a type of another producer than " + source + ", which alone writes " + topic);
        }
    }

    /** An event that claims a source or type of another producer than its topic's: it is never applied. */
    public static final class ForeignEventException extends MalformedEventException {

        private static final long serialVersionUID = 1L;

        ForeignEventException(String message) {
            super(message);
        }
    }
}
