package se.samlyft.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** catalog-service through the gateway: searching courses, reading a course and its offerings. */
@Component
public class CatalogApi {

    private static final ParameterizedTypeReference<Page<Course>> COURSES = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Page<Offering>> OFFERINGS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Course> COURSE = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Offering> OFFERING = new ParameterizedTypeReference<>() {};

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
            String status) {

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
            String status) {

        public boolean isScheduled() {
            return "SCHEDULED".equals(status);
        }

        /** Whether a request may be made at {@code now}: scheduled and inside the enrolment window. */
        public boolean isOpenAt(Instant now) {
            return isScheduled() && !now.isBefore(enrolmentOpensAt) && now.isBefore(enrolmentClosesAt);
        }
    }

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
}
