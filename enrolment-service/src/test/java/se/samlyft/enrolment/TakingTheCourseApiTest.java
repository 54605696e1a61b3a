package se.samlyft.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.enrolment.EnrolmentApi.coordinator;
import static se.samlyft.enrolment.EnrolmentApi.invalidFields;
import static se.samlyft.enrolment.EnrolmentApi.manager;
import static se.samlyft.enrolment.EnrolmentApi.participant;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.enrolment.enrolment.messaging.Upstream.OfferingSpec;
import se.samlyft.testsupport.TestDatabase;

/** Taking a course through the API: start, pause and resume, progress, completion, hours and evaluation. */
class TakingTheCourseApiTest extends AgainstEnrolment {

    private static final String VILHELMINA = "vilhelmina";
    private static final String THIS_MONTH =
            YearMonth.now(ZoneId.of("Europe/Stockholm")).toString();

    @Autowired
    private TestDatabase database;

    private UUID person;
    private String token;

    private String enrolled(String format, Integer moduleCount) {
        OfferingSpec spec = new OfferingSpec(upstream.course(format, moduleCount));
        spec.audience = java.util.List.of(VILHELMINA);
        UUID offering = upstream.schedule(spec);
        person = upstream.person(VILHELMINA, null);
        token = participant(VILHELMINA, person);
        return api.enrol(token, offering).json().path("id").asString();
    }

    private String state(String id) {
        return api.get("/api/enrolments/" + id, token).json().path("state").asString();
    }

    @Test
    void aSelfPacedCourseIsPausedResumedAndCompletedByItsModulesThenEvaluated() {
        String id = enrolled("SELF_PACED_DIGITAL", 4);

        assertThat(api.act(token, id, "start").json().path("state").asString()).isEqualTo("IN_PROGRESS");
        var progress = api.post(
                "/api/enrolments/" + id + "/progress", token, "{\"modulesCompleted\":2,\"resumeAt\":\"modul-3\"}");
        assertThat(progress.json().path("percent").asInt()).isEqualTo(50);
        assertThat(progress.json().path("resumeAt").asString()).isEqualTo("modul-3");
        for (int i = 0; i < 2; i++) {
            assertThat(api.act(token, id, "pause").json().path("paused").asBoolean())
                    .isTrue();
            assertThat(api.act(token, id, "pause").status()).isEqualTo(409);
            assertThat(api.act(token, id, "resume").json().path("paused").asBoolean())
                    .isFalse();
        }
        var nulInResumeAt = api.post(
                "/api/enrolments/" + id + "/progress",
                token,
                "{\"modulesCompleted\":2,\"resumeAt\":\"modul\\u0000-3\"}");
        assertThat(nulInResumeAt.status())
                .as("a NUL character, which PostgreSQL cannot store")
                .isEqualTo(400);
        assertThat(invalidFields(nulInResumeAt)).containsExactly("resumeAt");
        var back = api.post("/api/enrolments/" + id + "/progress", token, "{\"modulesCompleted\":1}");
        assertThat(back.status()).isEqualTo(400);
        assertThat(invalidFields(back)).containsExactly("modulesCompleted");
        assertThat(api.post("/api/enrolments/" + id + "/evaluation", token, "{\"usefulness\":5}")
                        .status())
                .as("evaluation before completion")
                .isEqualTo(409);

        var done = api.post("/api/enrolments/" + id + "/progress", token, "{\"modulesCompleted\":4}");

        assertThat(done.json().path("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.json().path("percent").asInt()).isEqualTo(100);
        var nulInComment = api.post(
                "/api/enrolments/" + id + "/evaluation", token, "{\"usefulness\":5,\"comment\":\"Bra\\u0000!\"}");
        assertThat(nulInComment.status()).isEqualTo(400);
        assertThat(invalidFields(nulInComment)).containsExactly("comment");
        var outOfRange = api.post("/api/enrolments/" + id + "/evaluation", token, "{\"usefulness\":6}");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(invalidFields(outOfRange)).containsExactly("usefulness");
        var evaluated = api.post(
                "/api/enrolments/" + id + "/evaluation",
                token,
                "{\"usefulness\":5,\"comment\":\"Mycket användbart i hemtjänsten.\"}");
        assertThat(evaluated.status()).isEqualTo(200);
        assertThat(evaluated.json().path("usefulness").asInt()).isEqualTo(5);
        assertThat(api.post("/api/enrolments/" + id + "/evaluation", token, "{\"usefulness\":4}")
                        .status())
                .isEqualTo(409);

        var events = PublishedEvents.of(id, 13);
        assertThat(events)
                .extracting(PublishedEvents::typeOf)
                .containsExactly(
                        "enrolment-requested.v1",
                        "enrolment-confirmed.v1",
                        "enrolment-started.v1",
                        "progress-recorded.v1",
                        "progress-recorded.v1",
                        "enrolment-paused.v1",
                        "enrolment-resumed.v1",
                        "enrolment-paused.v1",
                        "enrolment-resumed.v1",
                        "progress-recorded.v1",
                        "progress-recorded.v1",
                        "enrolment-completed.v1",
                        "evaluation-submitted.v1");
    }

    @Test
    void theParticipantConfirmsMonthlyHoursAndACorrectionIsANewRevision() {
        String id = enrolled("CLASSROOM", 3);
        api.act(token, id, "start");
        String path = "/api/enrolments/" + id + "/time-statements";

        var first =
                api.post(path, token, "{\"month\":\"" + THIS_MONTH + "\",\"hours\":12.5,\"paidWorkingTimeHours\":8}");
        var corrected =
                api.post(path, token, "{\"month\":\"" + THIS_MONTH + "\",\"hours\":14,\"paidWorkingTimeHours\":8}");
        var same = api.post(path, token, "{\"month\":\"" + THIS_MONTH + "\",\"hours\":14,\"paidWorkingTimeHours\":8}");
        var future = api.post(path, token, "{\"month\":\"2099-01\",\"hours\":1}");
        var tooMuchPaid =
                api.post(path, token, "{\"month\":\"" + THIS_MONTH + "\",\"hours\":2,\"paidWorkingTimeHours\":3}");
        var malformed = api.post(path, token, "{\"month\":\"september\",\"hours\":2}");
        var byTheCoordinator =
                api.post(path, coordinator(VILHELMINA), "{\"month\":\"" + THIS_MONTH + "\",\"hours\":1}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("revision").asInt()).isEqualTo(1);
        assertThat(corrected.json().path("revision").asInt()).isEqualTo(2);
        assertThat(same.status()).isEqualTo(409);
        assertThat(invalidFields(future)).containsExactly("month");
        assertThat(invalidFields(tooMuchPaid)).containsExactly("paidWorkingTimeHours");
        assertThat(invalidFields(malformed)).containsExactly("month");
        assertThat(byTheCoordinator.status()).isEqualTo(403);
        var statements = api.get(path, coordinator(VILHELMINA)).json();
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).path("hours").decimalValue()).isEqualByComparingTo("14");
        assertThat(statements.get(0).path("paidWorkingTimeHours").decimalValue())
                .isEqualByComparingTo("8");
        var published = PublishedEvents.of(id, 5).get(4);
        assertThat(PublishedEvents.data(published).path("revision").asInt()).isEqualTo(2);
        assertThat(PublishedEvents.data(published).path("month").asString()).isEqualTo(THIS_MONTH);
    }

    @Test
    void aCoordinatorRecordsAttendanceOfAScheduledCourseAndNoShowsButNotTheParticipant() {
        String attended = enrolled("CLASSROOM", 3);
        String attendee = token;
        String absent = enrolled("CLASSROOM", 3);

        var byTheAttendee = api.act(attendee, attended, "completion");
        assertThat(byTheAttendee.status()).isEqualTo(403);
        assertThat(byTheAttendee.json().path("detail").asString())
                .isEqualTo("Only a coordinator of the organisation may record attendance, completion and no-shows.");
        assertThat(api.act(coordinator(VILHELMINA), attended, "completion")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("COMPLETED");
        assertThat(api.act(coordinator(VILHELMINA), absent, "no-show")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("NO_SHOW");
        assertThat(api.act(coordinator(VILHELMINA), absent, "completion").status())
                .isEqualTo(409);
        assertThat(api.act(coordinator("mala"), absent, "no-show").status())
                .as("another organisation")
                .isEqualTo(404);
    }

    @Test
    void aSelfPacedCourseWithoutAModuleCountIsCompletedByTheCoordinator() {
        String id = enrolled("SELF_PACED_DIGITAL", null);
        api.act(token, id, "start");
        var progress = api.post("/api/enrolments/" + id + "/progress", token, "{\"modulesCompleted\":7}");

        assertThat(progress.json().path("state").asString()).isEqualTo("IN_PROGRESS");
        assertThat(progress.json().path("percent").isNull()).isTrue();
        assertThat(api.act(coordinator(VILHELMINA), id, "completion")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("COMPLETED");
    }

    @Test
    void aCourseCannotStartBeforeTheOfferingDoes() {
        OfferingSpec spec = new OfferingSpec(upstream.course("LIVE_ONLINE", 2));
        spec.starts = Instant.now().plus(Duration.ofDays(12));
        spec.audience = java.util.List.of(VILHELMINA);
        UUID offering = upstream.schedule(spec);
        person = upstream.person(VILHELMINA, null);
        token = participant(VILHELMINA, person);
        String id = api.enrol(token, offering).json().path("id").asString();

        var early = api.act(token, id, "start");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("detail").asString()).startsWith("The course starts at");
        assertThat(api.act(coordinator(VILHELMINA), id, "no-show").status()).isEqualTo(409);
        assertThat(state(id)).isEqualTo("CONFIRMED");
    }

    @Test
    void onlyTheParticipantTakesTheCourseAndOthersOfTheOrganisationAreToldSo() {
        String id = enrolled("SELF_PACED_DIGITAL", 4);

        var byTheCoordinator = api.act(coordinator(VILHELMINA), id, "start");
        assertThat(byTheCoordinator.status()).isEqualTo(403);
        assertThat(byTheCoordinator.json().path("detail").asString())
                .isEqualTo("Only the participant may take the course: start, pause, resume, progress, hours and"
                        + " evaluation.");
        assertThat(api.act(participant(VILHELMINA, UUID.randomUUID()), id, "start")
                        .status())
                .isEqualTo(404);
        assertThat(api.act(manager("mala", UUID.randomUUID()), id, "start").status())
                .isEqualTo(404);
        assertThat(state(id)).isEqualTo("CONFIRMED");
    }

    @Test
    void anErasedPersonsEnrolmentsArePseudonymisedAndTheirCommentDropped() {
        String id = enrolled("CLASSROOM", 3);
        api.act(coordinator(VILHELMINA), id, "completion");
        api.post(
                "/api/enrolments/" + id + "/evaluation",
                token,
                "{\"usefulness\":4,\"comment\":\"Bra, men för kort.\"}");

        upstream.personErased(person, VILHELMINA, 2);

        var kept = api.get("/api/enrolments/" + id, coordinator(VILHELMINA)).json();
        assertThat(kept.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(kept.path("usefulness").asInt()).isEqualTo(4);
        assertThat(kept.path("comment").isNull()).isTrue();
        assertThat(kept.path("personId").asString()).isNotEqualTo(person.toString());
        Integer linked = new JdbcTemplate(database.ownerDataSource())
                .queryForObject("select count(*) from enrolment where person_id = ?", Integer.class, person);
        assertThat(linked).isZero();
        assertThat(api.get("/api/enrolments/" + id, token).status()).isEqualTo(404);
    }
}
