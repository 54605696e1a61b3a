package se.samlyft.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.samlyft.platform.tenancy.TenantId;

class OutboxEventTest {

    private static final TenantId LYCKSELE = TenantId.of("lycksele");

    @Test
    void theUsualEventIsAboutItsAggregateAndNamesThePublishedSchemaOfItsType() {
        OutboxEvent event = OutboxEvent.of(
                "samlyft.catalog.events", "se.samlyft.catalog.course-published.v1", "c-1", LYCKSELE, "{}");

        assertThat(event.subject()).isEqualTo("c-1");
        assertThat(event.dataSchema()).isEqualTo("urn:samlyft:schema:se.samlyft.catalog.course-published.v1");
    }

    @Test
    void refusesATypeWithoutAVersion() {
        for (String type : List.of("se.samlyft.catalog.course-published", "CoursePublished", "course-published.v0")) {
            assertThatIllegalArgumentException()
                    .as(type)
                    .isThrownBy(() -> OutboxEvent.of("samlyft.catalog.events", type, "c-1", LYCKSELE, "{}"));
        }
    }

    @Test
    void refusesAnEventWithoutTopicKeyDataOrAbsoluteSchema() {
        String type = "se.samlyft.catalog.course-published.v1";
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutboxEvent.of("samlyft catalog events", type, "c-1", LYCKSELE, "{}"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutboxEvent.of("samlyft.catalog.events", type, " ", LYCKSELE, "{}"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OutboxEvent.of("samlyft.catalog.events", type, "c-1", LYCKSELE, ""));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutboxEvent(
                        "samlyft.catalog.events", "c-1", type, "c-1", LYCKSELE, "schemas/course.json", "{}"));
    }
}
