package se.samlyft.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samlyft.contracts.EventContracts;
import se.samlyft.platform.tenancy.TenantId;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The outbox lets out only events that keep the published contract, so every produced event matches its schema. */
class OutboxContractTest {

    private static final TenantId SORSELE = TenantId.of("sorsele");

    private static OutboxDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = OutboxDatabase.create("outbox_contract");
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @Test
    void refusesDataThatDoesNotMatchItsTypesSchemaAndAppendsNothing() {
        UUID course = UUID.randomUUID();
        String withoutTitle = """
                {"courseId":"%s","owner":"sorsele","version":1,"publishedAt":"2026-03-02T08:00:00Z"}""".formatted(course);
        var pendingBefore = db.pendingEventIds();

        assertThatThrownBy(() -> db.inTransactionOf(
                        SORSELE,
                        () -> db.outbox.append(OutboxEvent.of(
                                "samlyft.catalog.events",
                                TransactionalOutboxTest.COURSE_PUBLISHED,
                                course.toString(),
                                SORSELE,
                                withoutTitle))))
                .isInstanceOf(EventContracts.InvalidEvent.class)
                .hasMessageContaining("title");
        assertThat(db.pendingEventIds()).isEqualTo(pendingBefore);
    }

    @Test
    void refusesDataBuiltAsATreeThatDoesNotMatchItsTypesSchemaAndAppendsNothing() {
        UUID course = UUID.randomUUID();
        ObjectNode withoutTitle = JsonMapper.shared()
                .createObjectNode()
                .put("courseId", course.toString())
                .put("owner", "sorsele")
                .put("version", 1)
                .put("publishedAt", "2026-03-02T08:00:00Z");
        var pendingBefore = db.pendingEventIds();

        assertThatThrownBy(() -> db.inTransactionOf(
                        SORSELE,
                        () -> db.outbox.append(OutboxEvent.of(
                                "samlyft.catalog.events",
                                TransactionalOutboxTest.COURSE_PUBLISHED,
                                course.toString(),
                                SORSELE,
                                withoutTitle))))
                .isInstanceOf(EventContracts.InvalidEvent.class)
                .hasMessageContaining("title");
        assertThat(db.pendingEventIds()).isEqualTo(pendingBefore);
    }

    @Test
    void appendsDataBuiltAsATreeAsTheTextItWasWhenTheEventWasMade() {
        UUID course = UUID.randomUUID();
        ObjectNode data = JsonMapper.shared()
                .createObjectNode()
                .put("courseId", course.toString())
                .put("owner", "sorsele")
                .put("version", 1)
                .put("title", "Förflyttningsteknik i Sorsele")
                .put("publishedAt", "2026-03-02T08:00:00Z");
        OutboxEvent event = OutboxEvent.of(
                "samlyft.catalog.events", TransactionalOutboxTest.COURSE_PUBLISHED, course.toString(), SORSELE, data);
        data.remove("title");

        UUID id = db.inTransactionOf(SORSELE, () -> db.outbox.append(event));

        assertThat(db.owner()
                        .queryForObject(
                                "select data::text from samlyft.outbox_event where ce_id = ?", String.class, id))
                .isEqualTo(event.data())
                .contains("\"title\":\"Förflyttningsteknik i Sorsele\"");
    }

    @Test
    void refusesATypeThatIsNotPublished() {
        assertThatThrownBy(() -> db.inTransactionOf(
                        SORSELE,
                        () -> db.outbox.append(OutboxEvent.of(
                                "samlyft.catalog.events",
                                "se.samlyft.catalog.course-renamed.v1",
                                "c-1",
                                SORSELE,
                                "{}"))))
                .isInstanceOf(EventContracts.InvalidEvent.class)
                .hasMessageContaining("not a published event type");
    }

    @Test
    void refusesADataSchemaOtherThanTheTypes() {
        UUID course = UUID.randomUUID();
        OutboxEvent elsewhere = new OutboxEvent(
                "samlyft.catalog.events",
                course.toString(),
                TransactionalOutboxTest.COURSE_PUBLISHED,
                course.toString(),
                SORSELE,
                "urn:example:another-schema",
                TransactionalOutboxTest.coursePublished(course, SORSELE, 1, "Sorsele"));

        assertThatThrownBy(() -> db.inTransactionOf(SORSELE, () -> db.outbox.append(elsewhere)))
                .isInstanceOf(EventContracts.InvalidEvent.class);
    }

    @Test
    void acceptsDataThatMatches() {
        UUID course = UUID.randomUUID();

        UUID id = db.inTransactionOf(
                SORSELE,
                () -> db.outbox.append(OutboxEvent.of(
                        "samlyft.catalog.events",
                        TransactionalOutboxTest.COURSE_PUBLISHED,
                        course.toString(),
                        SORSELE,
                        TransactionalOutboxTest.coursePublished(course, SORSELE, 1, "Förflyttningsteknik i Sorsele"))));

        assertThat(db.pendingEventIds()).contains(id);
    }
}
