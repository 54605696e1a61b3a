package se.samlyft.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * enrolment-service through the gateway: the person's own enrolments and what they do with them, a manager's
 * approvals and staff, and for an offering's owner its roster and how its seats are used.
 */
@Component
public class EnrolmentApi {

    private static final ParameterizedTypeReference<Page<Enrolment>> PAGE = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Enrolment>> LIST = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Enrolment> ONE = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<TimeStatement> STATEMENT = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<TimeStatement>> STATEMENTS =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Seats> SEATS = new ParameterizedTypeReference<>() {};
    private static final int MOST = 100;

    private final Gateway gateway;

    EnrolmentApi(Gateway gateway) {
        this.gateway = gateway;
    }

    /** An enrolment as enrolment-service shows it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enrolment(
            UUID id,
            String organisation,
            UUID offeringId,
            UUID courseId,
            UUID personId,
            String state,
            @Nullable Integer waitlistPosition,
            @Nullable Instant holdUntil,
            @Nullable String declineReason,
            boolean paused,
            int modulesCompleted,
            @Nullable String resumeAt,
            @Nullable Integer percent,
            @Nullable Integer usefulness,
            @Nullable String comment,
            @Nullable String seatSource,
            long version) {

        public boolean isLive() {
            return List.of("REQUESTED", "AWAITING_APPROVAL", "CONFIRMED", "WAITLISTED", "IN_PROGRESS")
                    .contains(state);
        }

        public boolean is(String expected) {
            return state.equals(expected);
        }
    }

    /** How an offering's seats are used, per organisation of its audience, for its owner. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Seats(
            UUID offeringId,
            int capacity,
            int pool,
            int poolTaken,
            boolean quotasReleased,
            List<OrganisationSeats> organisations) {

        public Seats {
            organisations = organisations == null ? List.of() : List.copyOf(organisations);
        }
    }

    /** One organisation's quota (if it has one), the seats its people hold from it and from the pool, and who waits. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrganisationSeats(
            String organisation,
            @Nullable Integer quota,
            int fromQuota,
            int fromPool,
            int awaitingApproval,
            int waiting) {}

    /** A month's confirmed hours. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimeStatement(
            String month, BigDecimal hours, BigDecimal paidWorkingTimeHours, int revision, Instant confirmedAt) {}

    /** Asks for a seat on the offering for the caller. */
    public Gateway.Answer<Enrolment> enrol(UUID offeringId, Change change) {
        return gateway.post(uri -> uri.path("/api/enrolments").build(), Map.of("offeringId", offeringId), change, ONE);
    }

    /** The caller's own enrolments, newest first. */
    public List<Enrolment> mine() {
        return gateway.get(
                        uri -> uri.path("/api/enrolments")
                                .queryParam("size", MOST)
                                .build(),
                        PAGE)
                .body()
                .items();
    }

    /** The enrolments of the people the caller manages, newest first. */
    public List<Enrolment> ofStaff() {
        return gateway.get(
                        uri -> uri.path("/api/enrolments")
                                .queryParam("staff", true)
                                .queryParam("size", MOST)
                                .build(),
                        PAGE)
                .body()
                .items();
    }

    /**
     * An offering's enrolments for its owner (a coordinator, or the federation's project leader for a joint offering),
     * of one state and organisation when given.
     */
    public Page<Enrolment> roster(
            UUID offeringId, @Nullable String state, @Nullable String organisation, int page, int size) {
        return gateway.get(
                        uri -> uri.path("/api/enrolments/offerings/{offering}")
                                .queryParamIfPresent("state", java.util.Optional.ofNullable(state))
                                .queryParamIfPresent("organisation", java.util.Optional.ofNullable(organisation))
                                .queryParam("page", page)
                                .queryParam("size", size)
                                .build(offeringId),
                        PAGE)
                .body();
    }

    /** How the offering's seats are used per organisation, for its owner. */
    public Seats seats(UUID offeringId) {
        return gateway.get(
                        uri -> uri.path("/api/enrolments/offerings/{offering}/seats")
                                .build(offeringId),
                        SEATS)
                .body();
    }

    /** A coordinator asks for a seat on the offering for a person of the organisation. */
    public Gateway.Answer<Enrolment> enrolPerson(UUID offeringId, UUID personId, Change change) {
        return gateway.post(
                uri -> uri.path("/api/enrolments").build(),
                Map.of("offeringId", offeringId, "personId", personId),
                change,
                ONE);
    }

    /** One enrolment and its version; 404 for one that is not the caller's to see. */
    public Gateway.Answer<Enrolment> enrolment(UUID id) {
        return gateway.get(uri -> uri.path("/api/enrolments/{id}").build(id), ONE);
    }

    /** The requests waiting for the caller's decision, the hold that runs out first first. */
    public List<Enrolment> approvals() {
        return gateway.get(uri -> uri.path("/api/enrolments/approvals").build(), LIST)
                .body();
    }

    /**
     * One of the moves of an enrolment ({@code withdraw}, {@code start}, {@code pause}, {@code resume},
     * {@code progress}, {@code evaluation}, {@code approve}, {@code decline}) with its body, if it has one.
     */
    public Enrolment act(UUID id, String move, @Nullable Map<String, ?> body, Change change) {
        return gateway.post(uri -> uri.path("/api/enrolments/{id}/{move}").build(id, move), body, change, ONE)
                .body();
    }

    /** Confirms a month's hours (again: a correction). */
    public TimeStatement confirmHours(UUID id, Map<String, ?> body, Change change) {
        return gateway.post(
                        uri -> uri.path("/api/enrolments/{id}/time-statements").build(id), body, change, STATEMENT)
                .body();
    }

    public List<TimeStatement> timeStatements(UUID id) {
        return gateway.get(
                        uri -> uri.path("/api/enrolments/{id}/time-statements").build(id), STATEMENTS)
                .body();
    }
}
