package se.samlyft.platform.inbox;

import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;

/**
 * A consuming service in miniature: a listener on one topic that projects published courses into a table held by
 * row-level security, through the platform's {@link Inbox} and error handler. Beans are declared here, not scanned,
 * so no other test application picks them up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class InboxTestApplication {

    static final String TOPIC = "samlyft.inbox-test.events";
    static final String COURSE_PUBLISHED = "se.samlyft.catalog.course-published.v1";

    @Bean
    NewTopic events() {
        return TopicBuilder.name(TOPIC).partitions(1).replicas(1).build();
    }

    @Bean
    Effects effects(JdbcTemplate jdbc) {
        return new Effects(jdbc);
    }

    @Bean
    CourseProjection courseProjection(Inbox inbox, JdbcTemplate jdbc, Effects effects) {
        return new CourseProjection(inbox, jdbc, effects);
    }

    /** The test service's reading of course-published.v1: the fields it projects, nothing else. */
    record CoursePublished(UUID courseId, long version, String title) {}

    /** A failure the test service declares not retryable ({@code samlyft.consumer.not-retryable}). */
    static class CourseRejected extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CourseRejected(String message) {
            super(message);
        }
    }

    /** Keeps course_view up to date with the newest version of each published course. */
    static class CourseProjection {

        static final String CONSUMER = "course-projection";

        private static final VersionedUpsert COURSE =
                VersionedUpsert.into("course_view", "id", "version", "tenant_id", "title");

        private final Inbox inbox;
        private final JdbcTemplate jdbc;
        private final Effects effects;

        CourseProjection(Inbox inbox, JdbcTemplate jdbc, Effects effects) {
            this.inbox = inbox;
            this.jdbc = jdbc;
            this.effects = effects;
        }

        /** Receives each poll's records at once and applies them in one transaction, as the services do. */
        @KafkaListener(topics = TOPIC, groupId = "${spring.application.name}", batch = "true")
        void on(List<ConsumerRecord<String, String>> records) {
            inbox.handlePoll(records, record -> {
                effects.delivered(record.key());
                inbox.handle(CONSUMER, record, this::apply);
            });
        }

        void apply(InboundEvent event) {
            effects.attempt(event);
            if (event.type().equals(COURSE_PUBLISHED)) {
                CoursePublished course = event.dataAs(CoursePublished.class);
                String tenant = event.tenant() == null ? null : event.tenant().value();
                COURSE.apply(jdbc, course.courseId(), course.version(), tenant, course.title());
            }
        }
    }
}
