package se.samlyft.bench.enrolments;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.env.MapPropertySource;
import se.samlyft.enrolment.EnrolmentApplication;
import se.samlyft.enrolment.enrolment.EnrolmentEvent;

/**
 * enrolment-service's own Spring application in this JVM, as a library: its domain, repositories, seat desk and outbox
 * on its database as its app role (row-level security applies; each unit of work gets its tenant scope from
 * {@code TenantContext}, as the service's own listeners and seat clerks do), but no web server, no Kafka listeners, no
 * outbox relay and no sweep. The running enrolment-service relays the events this one appends, and keeps applying
 * the catalog's and identity's events.
 */
final class InProcessEnrolmentService implements AutoCloseable {

    private static final ThreadLocal<long @Nullable []> EVENTS_OF_UNIT = new ThreadLocal<>();

    private final ConfigurableApplicationContext context;
    private final AtomicLong events = new AtomicLong();

    private InProcessEnrolmentService(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("spring.main.banner-mode", "off");
        all.put("spring.main.web-application-type", "none");
        all.put("spring.jmx.enabled", "false");
        // The service's bearer-token security is for its web endpoints, and Kafka's health for its probes; neither runs
        // here, and nothing here talks to Kafka.
        all.put(
                "spring.autoconfigure.exclude",
                "se.samlyft.platform.security.SecurityAutoConfiguration,"
                        + "se.samlyft.platform.config.KafkaAutoConfiguration");
        all.put("spring.kafka.listener.auto-startup", "false");
        all.put("samlyft.outbox.relay.enabled", "false");
        all.put("samlyft.enrolment.sweep.enabled", "false");
        all.put("spring.flyway.enabled", "false");
        all.put("logging.level.root", "WARN");
        all.put("logging.level.se.samlyft", "WARN");
        all.putAll(properties);
        this.context = new SpringApplicationBuilder(EnrolmentApplication.class)
                .web(WebApplicationType.NONE)
                .properties(all)
                // Above the service's application.yml, which names the local platform's database.
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("enrolmentHistory", all)))
                .listeners(new EventCounter(events))
                .run();
    }

    /**
     * Starts the service on the database at {@code url} as the app role {@code user}; {@code properties} add to or
     * override the defaults (for example {@code spring.flyway.enabled=true} with the owner's credentials).
     */
    static InProcessEnrolmentService start(
            String url, String user, String password, int connections, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>();
        all.put("spring.datasource.url", url);
        all.put("spring.datasource.username", user);
        all.put("spring.datasource.password", password);
        all.put("spring.datasource.hikari.maximum-pool-size", Integer.toString(connections));
        all.putAll(properties);
        return new InProcessEnrolmentService(all);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The events recorded (and so appended to the outbox) since the start, in committed or rolled back work. */
    long events() {
        return events.get();
    }

    /**
     * Counts the events that {@code work} records on this thread into {@code counter}[0]; a unit's count is taken only
     * once its transaction committed.
     */
    static <T> T countingEvents(long[] counter, java.util.function.Supplier<T> work) {
        EVENTS_OF_UNIT.set(counter);
        try {
            return work.get();
        } finally {
            EVENTS_OF_UNIT.remove();
        }
    }

    @Override
    public void close() {
        context.close();
    }

    private record EventCounter(AtomicLong events) implements ApplicationListener<ApplicationEvent> {

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof EnrolmentEvent) {
                events.incrementAndGet();
                long[] unit = EVENTS_OF_UNIT.get();
                if (unit != null) {
                    unit[0]++;
                }
            }
        }
    }
}
