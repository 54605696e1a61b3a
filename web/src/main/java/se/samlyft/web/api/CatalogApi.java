package se.samlyft.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * catalog-service through the gateway: searching courses, reading a course and its offerings; and for coordinators
 * and project leaders, managing courses, offerings and funded programmes.
 */
@Component
public class CatalogApi {

    private static final ParameterizedTypeReference<Page<Course>> COURSES = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Page<Offering>> OFFERINGS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Course> COURSE = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Offering> OFFERING = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Programme> PROGRAMME = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Page<Programme>> PROGRAMMES = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Me> ME = new ParameterizedTypeReference<>() {};
    private static final int MOST = 100;

    private final Gateway gateway;

    CatalogApi(Gateway gateway) {
        this.gateway = gateway;
    }

    /** A course as the catalog shows it; the estimated hours are the modules' minutes summed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Course(
            UUID id,
            String owner,
            String title,
            String description,
            List<String> themes,
            List<String> targetOccupations,
            String format,
            List<Module> modules,
            BigDecimal estimatedHours,
            boolean formal,
            String status,
            long version) {

        public Course {
            themes = themes == null ? List.of() : List.copyOf(themes);
            targetOccupations = targetOccupations == null ? List.of() : List.copyOf(targetOccupations);
            modules = modules == null ? List.of() : List.copyOf(modules);
        }
    }

    /** One module of a course, in order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Module(String title, int estimatedMinutes) {}

    /** One scheduled run of a course. The seats free are those the catalog has heard of from enrolment-service. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Offering(
            UUID id,
            UUID courseId,
            String owner,
            Instant enrolmentOpensAt,
            Instant enrolmentClosesAt,
            Instant startsAt,
            Instant endsAt,
            boolean online,
            @Nullable String municipalityCode,
            @Nullable String venue,
            int capacity,
            boolean approvalRequired,
            boolean paidWorkingTime,
            int freeSeats,
            String status,
            @Nullable UUID programmeId,
            @Nullable String audience,
            List<String> audienceOrganisations,
            List<Quota> quotas,
            int pool,
            int seatsTaken,
            @Nullable Instant quotaReleaseAt,
            long version) {

        public Offering {
            audienceOrganisations = audienceOrganisations == null ? List.of() : List.copyOf(audienceOrganisations);
            quotas = quotas == null ? List.of() : List.copyOf(quotas);
        }

        public boolean isScheduled() {
            return "SCHEDULED".equals(status);
        }

        /** Whether a request may be made at {@code now}: scheduled and inside the enrolment window. */
        public boolean isOpenAt(Instant now) {
            return isScheduled() && !now.isBefore(enrolmentOpensAt) && now.isBefore(enrolmentClosesAt);
        }
    }

    /** Seats of a joint offering held for one organisation until the quotas are released. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Quota(String tenant, int seats) {}

    /** A funded programme with its funder's register fields; amounts in whole kronor. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Programme(
            UUID id,
            String owner,
            String number,
            String name,
            String funder,
            String region,
            LocalDate start,
            LocalDate end,
            long totalBudgetSek,
            long grantSek,
            BigDecimal coFinancingRatePercent,
            int plannedParticipants,
            @Nullable String programmeArea,
            @Nullable String specificObjective,
            @Nullable String interventionType,
            List<String> partners,
            long version) {

        public Programme {
            partners = partners == null ? List.of() : List.copyOf(partners);
        }
    }

    /** What the catalog read from the caller's token: their organisation above all. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Me(@Nullable String tenant, List<String> roles) {}

    /** The catalog's search: free text and filters, each optional. */
    public record Search(
            Optional<String> text,
            Optional<String> theme,
            Optional<String> occupation,
            Optional<String> format,
            Optional<String> municipality,
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            boolean freeSeats) {}

    public Page<Course> search(Search search, int page, int size) {
        return gateway.get(
                        uri -> uri.path("/api/catalog/courses/search")
                                .queryParamIfPresent("q", search.text())
                                .queryParamIfPresent("theme", search.theme())
                                .queryParamIfPresent("occupation", search.occupation())
                                .queryParamIfPresent("format", search.format())
                                .queryParamIfPresent("municipality", search.municipality())
                                .queryParamIfPresent("from", search.from())
                                .queryParamIfPresent("to", search.to())
                                .queryParam("freeSeats", search.freeSeats())
                                .queryParam("page", page)
                                .queryParam("size", size)
                                .build(),
                        COURSES)
                .body();
    }

    public Course course(UUID id) {
        return gateway.get(uri -> uri.path("/api/catalog/courses/{id}").build(id), COURSE)
                .body();
    }

    /** The offerings of the course that the person's organisation may enrol in, by start. */
    public List<Offering> offeringsOf(UUID courseId) {
        return gateway.get(
                        uri -> uri.path("/api/catalog/offerings")
                                .queryParam("courseId", courseId)
                                .queryParam("size", 100)
                                .build(),
                        OFFERINGS)
                .body()
                .items();
    }

    public Offering offering(UUID id) {
        return gateway.get(uri -> uri.path("/api/catalog/offerings/{id}").build(id), OFFERING)
                .body();
    }

    /** The caller's organisation as the catalog reads it from the token. */
    public Me me() {
        return gateway.get(uri -> uri.path("/api/catalog/me").build(), ME).body();
    }

    /** One course with its version, drafts included for its coordinators. */
    public Gateway.Answer<Course> courseWithVersion(UUID id) {
        return gateway.get(uri -> uri.path("/api/catalog/courses/{id}").build(id), COURSE);
    }

    /** The organisation's own courses by title: drafts and archived ones too for its coordinators. */
    public List<Course> ownCourses() {
        return all(page -> gateway.get(
                        uri -> uri.path("/api/catalog/courses")
                                .queryParam("page", page)
                                .queryParam("size", MOST)
                                .build(),
                        COURSES)
                .body());
    }

    public Course createCourse(Map<String, ?> course, Change change) {
        return gateway.post(uri -> uri.path("/api/catalog/courses").build(), course, change, COURSE)
                .body();
    }

    public Course changeCourse(UUID id, Map<String, ?> course, Change change) {
        return gateway.put(uri -> uri.path("/api/catalog/courses/{id}").build(id), course, change, COURSE)
                .body();
    }

    /** {@code publish} or {@code archive}. */
    public Course moveCourse(UUID id, String move, Change change) {
        return gateway.post(uri -> uri.path("/api/catalog/courses/{id}/{move}").build(id, move), null, change, COURSE)
                .body();
    }

    /** Every offering the caller's organisation may enrol in, and a coordinator's own, by start. */
    public List<Offering> offerings() {
        return all(page -> gateway.get(
                        uri -> uri.path("/api/catalog/offerings")
                                .queryParam("page", page)
                                .queryParam("size", MOST)
                                .build(),
                        OFFERINGS)
                .body());
    }

    public Gateway.Answer<Offering> offeringWithVersion(UUID id) {
        return gateway.get(uri -> uri.path("/api/catalog/offerings/{id}").build(id), OFFERING);
    }

    public Offering schedule(Map<String, ?> offering, Change change) {
        return gateway.post(uri -> uri.path("/api/catalog/offerings").build(), offering, change, OFFERING)
                .body();
    }

    public Offering changeOffering(UUID id, Map<String, ?> offering, Change change) {
        return gateway.put(uri -> uri.path("/api/catalog/offerings/{id}").build(id), offering, change, OFFERING)
                .body();
    }

    public Offering cancelOffering(UUID id, Change change) {
        return gateway.post(
                        uri -> uri.path("/api/catalog/offerings/{id}/cancel").build(id), null, change, OFFERING)
                .body();
    }

    /** The programmes the caller may read (a federation also its members'), newest start first. */
    public List<Programme> programmes() {
        return all(page -> gateway.get(
                        uri -> uri.path("/api/catalog/programmes")
                                .queryParam("page", page)
                                .queryParam("size", MOST)
                                .build(),
                        PROGRAMMES)
                .body());
    }

    public Gateway.Answer<Programme> programme(UUID id) {
        return gateway.get(uri -> uri.path("/api/catalog/programmes/{id}").build(id), PROGRAMME);
    }

    public Programme registerProgramme(Map<String, ?> programme, Change change) {
        return gateway.post(uri -> uri.path("/api/catalog/programmes").build(), programme, change, PROGRAMME)
                .body();
    }

    public Programme amendProgramme(UUID id, Map<String, ?> programme, Change change) {
        return gateway.put(uri -> uri.path("/api/catalog/programmes/{id}").build(id), programme, change, PROGRAMME)
                .body();
    }

    /** Every page of a list, read one after the other (lists of an organisation's own things are short). */
    static <T> List<T> all(java.util.function.IntFunction<Page<T>> pageOf) {
        List<T> all = new java.util.ArrayList<>();
        int page = 0;
        Page<T> read;
        do {
            read = pageOf.apply(page++);
            all.addAll(read.items());
        } while (page < read.totalPages() && page < 50);
        return List.copyOf(all);
    }
}
