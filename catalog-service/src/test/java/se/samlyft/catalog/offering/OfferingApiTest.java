package se.samlyft.catalog.offering;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samlyft.catalog.CatalogApi.coordinatorOf;
import static se.samlyft.catalog.CatalogApi.federationCoordinatorOf;
import static se.samlyft.catalog.CatalogApi.invalidFields;
import static se.samlyft.catalog.CatalogApi.managerOf;
import static se.samlyft.catalog.CatalogApi.participantOf;
import static se.samlyft.catalog.course.CourseFixture.course;
import static se.samlyft.catalog.offering.OfferingFixture.hostterminen;
import static se.samlyft.catalog.offering.OfferingFixture.publishedCourseOf;
import static se.samlyft.catalog.offering.OfferingFixture.publishedCourseOfFederation;
import static se.samlyft.catalog.programme.ProgrammeFixture.current;
import static se.samlyft.catalog.programme.ProgrammeFixture.valfardsteknologi;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.catalog.AgainstTheCatalog;
import se.samlyft.testsupport.TestHttp;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OfferingApiTest extends AgainstTheCatalog {

    private static final String OFFERINGS = "/api/catalog/offerings";
    private static final String AKADEMI_NORR = "akademi-norr";
    private static final String KIRUNA = "kiruna";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void coordinatorSchedulesAnOfferingThatOnlyItsOwnStaffSee() {
        String coordinator = coordinatorOf("gallivare");
        String course = publishedCourseOf(api, "gallivare");

        var scheduled = api.post(OFFERINGS, coordinator, hostterminen(course).toString());

        assertThat(scheduled.status()).isEqualTo(201);
        assertThat(scheduled.header("ETag")).isEqualTo("\"1\"");
        var read = api.get(scheduled.header("Location"), participantOf("gallivare"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("venue").asString()).isEqualTo("Folkets hus, Vilhelmina");
        assertThat(read.json().path("startsAt").asString()).isEqualTo("2026-09-07T06:00:00Z");
        assertThat(read.json().path("startsAtLocal").asString()).isEqualTo("2026-09-07T08:00:00");
        assertThat(read.json().path("audienceOrganisations").get(0).asString()).isEqualTo("gallivare");
        assertThat(read.json().path("pool").asInt()).isEqualTo(40);
        assertThat(api.get(scheduled.header("Location"), participantOf("arvidsjaur"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aParticipantOfANonMemberMunicipalityCannotSeeAJointOffering() {
        String location = scheduleJoint(
                hostterminen(publishedCourseOfFederation(api, AKADEMI_NORR)).put("audience", "FEDERATION_MEMBERS"));
        String id = idOf(location);

        assertThat(api.get(location, participantOf("arvidsjaur")).status()).isEqualTo(200);
        assertThat(idsListedFor(participantOf("arvidsjaur"))).contains(id);
        assertThat(api.get(location, participantOf("pitea")).status()).isEqualTo(404);
        assertThat(api.get(location, managerOf("pitea")).status()).isEqualTo(404);
        assertThat(idsListedFor(participantOf("pitea"))).doesNotContain(id);
        assertThat(idsListedFor(coordinatorOf("pitea"))).doesNotContain(id);
    }

    @Test
    void aNamedAudienceShowsTheOfferingOnlyToTheNamedMembers() {
        ObjectNode named =
                hostterminen(publishedCourseOfFederation(api, AKADEMI_NORR)).put("audience", "NAMED");
        named.putArray("namedOrganisations").add("vilhelmina").add("asele");
        String location = scheduleJoint(named);

        assertThat(api.get(location, managerOf("vilhelmina")).status()).isEqualTo(200);
        assertThat(api.get(location, participantOf("asele")).status()).isEqualTo(200);
        assertThat(api.get(location, participantOf("dorotea")).status()).isEqualTo(404);
        assertThat(idsListedFor(managerOf("dorotea"))).doesNotContain(idOf(location));
    }

    @Test
    void aFederationCoordinatorCannotChangeAnotherFederationsOffering() {
        ObjectNode offering =
                hostterminen(publishedCourseOfFederation(api, AKADEMI_NORR)).put("audience", "FEDERATION_MEMBERS");
        String location = scheduleJoint(offering);
        String other = federationCoordinatorOf("goteborgsregionen");

        assertThat(api.put(location, other, "\"1\"", offering.put("capacity", 5).toString())
                        .status())
                .isEqualTo(404);
        assertThat(api.post(location + "/cancel", other).status()).isEqualTo(404);
        assertThat(api.put(location, coordinatorOf("arvidsjaur"), "\"1\"", offering.toString())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(location, federationCoordinatorOf(AKADEMI_NORR))
                        .json()
                        .path("capacity")
                        .asInt())
                .isEqualTo(40);
    }

    @Test
    void aJointOfferingHoldsQuotasForMembersAndPoolsTheRest() {
        ObjectNode joint = hostterminen(publishedCourseOfFederation(api, AKADEMI_NORR))
                .put("audience", "FEDERATION_MEMBERS")
                .put("quotaReleaseAt", "2026-08-20T22:00:00Z");
        joint.putArray("quotas").add(quota("vilhelmina", 10)).add(quota("asele", 6));

        var read = api.get(scheduleJoint(joint), participantOf("storuman"));

        assertThat(read.json().path("pool").asInt()).isEqualTo(24);
        assertThat(read.json().path("quotas").get(0).path("tenant").asString()).isEqualTo("asele");
        assertThat(read.json().path("quotas").get(1).path("seats").asInt()).isEqualTo(10);
        assertThat(read.json().path("quotaReleaseAt").asString()).isEqualTo("2026-08-20T22:00:00Z");
    }

    @Test
    void changingNeedsTheCurrentETag() {
        String coordinator = coordinatorOf("haparanda");
        ObjectNode offering = hostterminen(publishedCourseOf(api, "haparanda"));
        String location = api.post(OFFERINGS, coordinator, offering.toString()).header("Location");
        String changed = offering.put("capacity", 25).put("online", true).toString();

        var missing = api.put(location, coordinator, null, changed);
        var current = api.put(location, coordinator, "\"1\"", changed);
        var stale = api.put(location, coordinator, "\"1\"", changed);

        assertThat(missing.status()).isEqualTo(428);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header("ETag")).isEqualTo("\"2\"");
        assertThat(current.json().path("capacity").asInt()).isEqualTo(25);
        assertThat(current.json().path("online").asBoolean()).isTrue();
        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void aCancelledOfferingCannotChangeOrBeCancelledAgain() {
        String coordinator = coordinatorOf("haparanda");
        ObjectNode offering = hostterminen(publishedCourseOf(api, "haparanda"));
        String location = api.post(OFFERINGS, coordinator, offering.toString()).header("Location");

        var cancelled = api.post(location + "/cancel", coordinator);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.post(location + "/cancel", coordinator).status()).isEqualTo(409);
        assertThat(api.put(location, coordinator, "\"2\"", offering.toString()).status())
                .isEqualTo(409);
    }

    @Test
    void onlyCoordinatorsScheduleOfferings() {
        String course = publishedCourseOf(api, "jokkmokk");

        assertThat(api.post(
                                OFFERINGS,
                                participantOf("jokkmokk"),
                                hostterminen(course).toString())
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                OFFERINGS,
                                managerOf("jokkmokk"),
                                hostterminen(course).toString())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void listsTheOrganisationsOfferingsByStartInPages() {
        String coordinator = coordinatorOf("malung");
        String course = publishedCourseOf(api, "malung");
        api.post(OFFERINGS, coordinator, hostterminen(course).toString());
        api.post(
                OFFERINGS,
                coordinator,
                hostterminen(course)
                        .put("startsAt", "2026-09-01T22:00:00Z")
                        .put("enrolmentClosesAt", "2026-09-01T21:00:00Z")
                        .toString());

        var first = api.get(OFFERINGS + "?size=1", participantOf("malung")).json();

        assertThat(first.path("totalItems").asLong()).isEqualTo(2);
        assertThat(first.path("totalPages").asLong()).isEqualTo(2);
        assertThat(first.path("items").get(0).path("startsAt").asString()).isEqualTo("2026-09-01T22:00:00Z");
    }

    @Test
    void listsTheOfferingsOfOneCourseOnlyWhenItIsNamed() {
        String coordinator = coordinatorOf("ljusdal");
        String first = publishedCourseOf(api, "ljusdal");
        String second = publishedCourseOf(api, "ljusdal");
        String ofFirst = idOf(
                api.post(OFFERINGS, coordinator, hostterminen(first).toString()).header("Location"));
        String ofSecond =
                idOf(api.post(OFFERINGS, coordinator, hostterminen(second).toString())
                        .header("Location"));

        var listed = api.get(OFFERINGS + "?courseId=" + first, participantOf("ljusdal"))
                .json();
        var fromElsewhere = api.get(OFFERINGS + "?courseId=" + first, participantOf("bollnas"))
                .json();

        assertThat(listed.path("totalItems").asLong()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("id").asString()).isEqualTo(ofFirst);
        assertThat(listed.path("items").get(0).path("courseId").asString()).isEqualTo(first);
        assertThat(idsListedFor(participantOf("ljusdal"))).contains(ofFirst, ofSecond);
        assertThat(fromElsewhere.path("items")).isEmpty();
        assertThat(api.get(OFFERINGS + "?courseId=kurs-1", participantOf("ljusdal"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void anOfferingMayNameAProgrammeOfItsOwner() {
        String coordinator = coordinatorOf("overkalix");
        String programme = api.post(
                        "/api/catalog/programmes",
                        coordinator,
                        current("2026/00111").toString())
                .json()
                .path("id")
                .asString();

        var scheduled = api.post(
                OFFERINGS,
                coordinator,
                hostterminen(publishedCourseOf(api, "overkalix"))
                        .put("programmeId", programme)
                        .toString());

        assertThat(scheduled.status()).isEqualTo(201);
        assertThat(scheduled.json().path("programmeId").asString()).isEqualTo(programme);
    }

    @Test
    void aFederationsJointOfferingMayBeFundedByAProgrammeOfOneOfItsMembers() {
        String arvidsjaursProject = programmeOf(coordinatorOf("arvidsjaur"), current("2026/00112"));
        String kirunasProject = programmeOf(coordinatorOf(KIRUNA), current("2026/00113"));
        ObjectNode joint =
                hostterminen(publishedCourseOfFederation(api, AKADEMI_NORR)).put("audience", "FEDERATION_MEMBERS");

        var funded = api.post(
                OFFERINGS,
                federationCoordinatorOf(AKADEMI_NORR),
                joint.deepCopy().put("programmeId", arvidsjaursProject).toString());
        var refused = api.post(
                OFFERINGS,
                federationCoordinatorOf(AKADEMI_NORR),
                joint.deepCopy().put("programmeId", kirunasProject).toString());

        assertThat(funded.status()).as(funded.body()).isEqualTo(201);
        assertThat(funded.json().path("programmeId").asString()).isEqualTo(arvidsjaursProject);
        assertThat(refused(refused)).containsExactly("programmeId");
        assertThat(fieldsOfRefused(hostterminen(kirunasCourse()).put("programmeId", arvidsjaursProject)))
                .as("a municipality's offering names only its own programme")
                .containsExactly("programmeId");
    }

    @Test
    void anOfferingAProgrammeFundsLiesWithinTheProgrammesPeriod() {
        String ended = programmeOf(coordinatorOf(KIRUNA), valfardsteknologi("2020/00114"));

        var refused = api.post(
                OFFERINGS,
                coordinatorOf(KIRUNA),
                hostterminen(kirunasCourse()).put("programmeId", ended).toString());

        assertThat(refused(refused)).containsExactly("startsAt");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .contains("2020-08-01 – 2022-12-31", "2026-09-07");
    }

    @Test
    void aMunicipalityOffersItsProjectsCourseToThePartnersItsProgrammeNamesWithoutAFederation() {
        String coordinator = coordinatorOf("pitea");
        ObjectNode project = current("2026/00115");
        project.putArray("partners").add("god-assistans-i-norr");
        String programme = programmeOf(coordinator, project);
        ObjectNode named = hostterminen(publishedCourseOf(api, "pitea"))
                .put("programmeId", programme)
                .put("audience", "NAMED");
        named.putArray("namedOrganisations").add("pitea").add("god-assistans-i-norr");
        named.putArray("quotas").add(quota("god-assistans-i-norr", 8));

        var scheduled = api.post(OFFERINGS, coordinator, named.toString());

        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        String location = scheduled.header("Location");
        assertThat(api.get(location, participantOf("god-assistans-i-norr")).status())
                .isEqualTo(200);
        assertThat(api.get(location, participantOf("pitea")).status()).isEqualTo(200);
        assertThat(api.get(location, participantOf("lulea")).status()).isEqualTo(404);
        assertThat(idsListedFor(participantOf("god-assistans-i-norr"))).contains(idOf(location));

        ObjectNode stranger = named.deepCopy();
        stranger.putArray("namedOrganisations").add("pitea").add("lulea");
        stranger.remove("quotas");
        ObjectNode unfunded = named.deepCopy();
        unfunded.remove("programmeId");
        unfunded.remove("quotas");
        assertThat(refused(api.post(OFFERINGS, coordinator, stranger.toString())))
                .containsExactly("namedOrganisations");
        assertThat(refused(api.post(OFFERINGS, coordinator, unfunded.toString())))
                .containsExactly("audience");
    }

    @Test
    void refusesANegativeCapacity() {
        assertThat(fieldsOfRefused(hostterminen(kirunasCourse()).put("capacity", -1)))
                .containsExactly("capacity");
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        assertThat(fieldsOfRefused(hostterminen(kirunasCourse()).put("endsAt", "2026-09-06T15:00:00Z")))
                .containsExactly("endsAt");
    }

    @Test
    void refusesAnEnrolmentWindowThatOpensAfterTheStartOrClosesAfterTheEnd() {
        assertThat(fieldsOfRefused(hostterminen(kirunasCourse()).put("enrolmentOpensAt", "2026-09-08T06:00:00Z")))
                .containsExactly("enrolmentOpensAt");
        assertThat(fieldsOfRefused(hostterminen(kirunasCourse()).put("enrolmentClosesAt", "2026-12-01T06:00:00Z")))
                .containsExactly("enrolmentClosesAt");
    }

    @Test
    void refusesAnUnknownProgramme() {
        assertThat(fieldsOfRefused(hostterminen(kirunasCourse())
                        .put("programmeId", UUID.randomUUID().toString())))
                .containsExactly("programmeId");
    }

    @Test
    void refusesACourseThatIsNotPublishedOrNotTheOrganisations() {
        String draft = api.post(
                        "/api/catalog/courses",
                        coordinatorOf(KIRUNA),
                        course("Förflyttningsteknik").json())
                .json()
                .path("id")
                .asString();

        assertThat(fieldsOfRefused(hostterminen(draft))).containsExactly("courseId");
        assertThat(fieldsOfRefused(hostterminen(publishedCourseOf(api, "pajala"))))
                .containsExactly("courseId");
    }

    @Test
    void refusesQuotasAboveTheCapacity() {
        ObjectNode joint = hostterminen(publishedCourseOfFederation(api, AKADEMI_NORR))
                .put("audience", "FEDERATION_MEMBERS")
                .put("capacity", 12);
        joint.putArray("quotas").add(quota("vilhelmina", 10)).add(quota("asele", 6));

        assertThat(fieldsOfRefusedFederation(joint)).containsExactly("quotas");
    }

    @Test
    void refusesAnAudienceOrQuotaNamingAnOrganisationOutsideTheFederation() {
        ObjectNode named =
                hostterminen(publishedCourseOfFederation(api, AKADEMI_NORR)).put("audience", "NAMED");
        named.putArray("namedOrganisations").add("vilhelmina").add("pitea");
        ObjectNode quota =
                hostterminen(publishedCourseOfFederation(api, AKADEMI_NORR)).put("audience", "FEDERATION_MEMBERS");
        quota.putArray("quotas").add(quota("pitea", 4));

        assertThat(fieldsOfRefusedFederation(named)).containsExactly("namedOrganisations");
        assertThat(fieldsOfRefusedFederation(quota)).containsExactly("quotas");
    }

    @Test
    void refusesAJointAudienceFromAnOrganisationThatIsNoFederation() {
        assertThat(fieldsOfRefused(hostterminen(kirunasCourse()).put("audience", "FEDERATION_MEMBERS")))
                .containsExactly("audience");
    }

    @Test
    void savesNothingOfARefusedOffering() {
        ObjectNode refused = hostterminen(kirunasCourse()).put("capacity", 0);

        fieldsOfRefused(refused);

        assertThat(api.get(OFFERINGS, coordinatorOf(KIRUNA))
                        .json()
                        .path("totalItems")
                        .asLong())
                .isZero();
    }

    private String programmeOf(String coordinator, ObjectNode programme) {
        TestHttp.Response registered = api.post("/api/catalog/programmes", coordinator, programme.toString());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().path("id").asString();
    }

    private String kirunasCourse() {
        return publishedCourseOf(api, KIRUNA);
    }

    private String scheduleJoint(ObjectNode offering) {
        TestHttp.Response scheduled = api.post(OFFERINGS, federationCoordinatorOf(AKADEMI_NORR), offering.toString());
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        return scheduled.header("Location");
    }

    private List<String> idsListedFor(String token) {
        return api.get(OFFERINGS + "?size=100", token)
                .json()
                .path("items")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList();
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static ObjectNode quota(String tenant, int seats) {
        return JSON.createObjectNode().put("tenant", tenant).put("seats", seats);
    }

    private List<String> fieldsOfRefused(ObjectNode offering) {
        return refused(api.post(OFFERINGS, coordinatorOf(KIRUNA), offering.toString()));
    }

    private List<String> fieldsOfRefusedFederation(ObjectNode offering) {
        return refused(api.post(OFFERINGS, federationCoordinatorOf(AKADEMI_NORR), offering.toString()));
    }

    private static List<String> refused(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return invalidFields(response);
    }
}
