package se.samlyft.catalog.offering;

import static se.samlyft.catalog.CatalogApi.coordinatorOf;
import static se.samlyft.catalog.CatalogApi.federationCoordinatorOf;
import static se.samlyft.catalog.course.CourseFixture.course;

import java.time.Instant;
import java.util.List;
import se.samlyft.catalog.CatalogApi;
import se.samlyft.platform.tenancy.TenantId;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An autumn run of "Dokumentera säkert" at Folkets hus in Vilhelmina, as test data: enrolment in August, the course
 * from 7 September to 27 November 2026, 40 seats.
 */
public final class OfferingFixture {

    public static final String OPENS = "2026-08-01T06:00:00Z";
    public static final String CLOSES = "2026-09-01T21:59:00Z";
    public static final String STARTS = "2026-09-07T06:00:00Z";
    public static final String ENDS = "2026-11-27T15:00:00Z";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OfferingFixture() {}

    /** The offering as a request body for the course given, for the owner's own staff. */
    public static ObjectNode hostterminen(String courseId) {
        return JSON.createObjectNode()
                .put("courseId", courseId)
                .put("enrolmentOpensAt", OPENS)
                .put("enrolmentClosesAt", CLOSES)
                .put("startsAt", STARTS)
                .put("endsAt", ENDS)
                .put("online", false)
                .put("municipalityCode", "2462")
                .put("venue", "Folkets hus, Vilhelmina")
                .put("capacity", 40)
                .put("approvalRequired", true)
                .put("paidWorkingTime", true)
                .put("audience", "OWN_STAFF");
    }

    /** The offering's terms as the domain holds them, with the audience, named organisations and quotas given. */
    public static OfferingTerms terms(int capacity, AudienceKind audience, List<TenantId> named, List<Quota> quotas) {
        return new OfferingTerms(
                Instant.parse(OPENS),
                Instant.parse(CLOSES),
                Instant.parse(STARTS),
                Instant.parse(ENDS),
                new Location(false, "2462", "Folkets hus, Vilhelmina"),
                capacity,
                true,
                true,
                null,
                audience,
                named,
                quotas,
                quotas.isEmpty() ? null : Instant.parse("2026-08-20T22:00:00Z"));
    }

    /** Creates and publishes a course of {@code tenant}'s coordinator and answers its id. */
    public static String publishedCourseOf(CatalogApi api, String token, String title) {
        String id = api.post("/api/catalog/courses", token, course(title).json())
                .json()
                .path("id")
                .asString();
        api.post("/api/catalog/courses/" + id + "/publish", token);
        return id;
    }

    /** Creates and publishes a course of a municipality's coordinator. */
    public static String publishedCourseOf(CatalogApi api, String tenant) {
        return publishedCourseOf(api, coordinatorOf(tenant), "Dokumentera säkert");
    }

    /** Creates and publishes a course of a federation's coordinator. */
    public static String publishedCourseOfFederation(CatalogApi api, String federation) {
        return publishedCourseOf(api, federationCoordinatorOf(federation), "Välfärdsteknik för alla");
    }
}
