package se.samlyft.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * identity-service through the gateway: the people a manager manages, and the register of organisations (which is
 * public within the installation, so it is kept here for a few minutes and shared).
 */
@Component
public class IdentityApi {

    private static final ParameterizedTypeReference<Person> PERSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Page<Person>> PEOPLE = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Page<Organisation>> ORGANISATIONS =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Members> MEMBERS = new ParameterizedTypeReference<>() {};
    private static final Duration REGISTER_KEPT = Duration.ofMinutes(5);
    private static final int MOST = 100;

    private final Gateway gateway;
    private final Clock clock;
    private volatile @Nullable Register register;

    IdentityApi(Gateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** A person as identity shows them to their manager: never a personal identity number. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(
            UUID id,
            String givenName,
            String familyName,
            String workplaceId,
            String workplaceName,
            String occupation,
            @Nullable UUID managerId,
            String status) {

        public String name() {
            return givenName + " " + familyName;
        }
    }

    /** An organisation of the register; a municipality has its SCB code and name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organisation(
            String tenant,
            String kind,
            String name,
            @Nullable String municipalityCode,
            @Nullable String municipalityName) {}

    private record Register(List<Organisation> organisations, Instant read) {}

    /** A federation's members on a day, and its whole membership history. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Members(String federation, List<String> members, List<Period> history) {

        public Members {
            members = members == null ? List.of() : List.copyOf(members);
            history = history == null ? List.of() : List.copyOf(history);
        }
    }

    /** One membership period, {@code leftOn} the first day outside. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(
            String tenant,
            java.time.LocalDate joinedOn,
            java.time.@Nullable LocalDate leftOn,
            java.time.@Nullable LocalDate acceptedOn,
            @Nullable String consent) {}

    /** The federation's members today and its history; empty when the organisation is no federation. */
    public java.util.Optional<Members> federation(String tenant) {
        try {
            return java.util.Optional.of(gateway.get(
                            uri -> uri.path("/api/identity/federations/{federation}/members")
                                    .build(tenant),
                            MEMBERS)
                    .body());
        } catch (ApiProblem problem) {
            if (problem.isNotFound()) {
                return java.util.Optional.empty();
            }
            throw problem;
        }
    }

    /**
     * The funder's participant list of a programme ({@code csv} or {@code xlsx}): each participant's personal identity
     * number, sex and start and end months, for the programme owner's project leader; identity logs every download.
     */
    public Gateway.Download participantList(UUID programmeId, String format) {
        return gateway.download(uri -> uri.path("/api/identity/programmes/{id}/participants")
                .queryParam("format", format)
                .build(programmeId));
    }

    /** The name of an organisation of the register, or its tenant id when the register does not know it. */
    public String nameOf(String tenant) {
        return organisations().stream()
                .filter(organisation -> organisation.tenant().equals(tenant))
                .map(Organisation::name)
                .findFirst()
                .orElse(tenant);
    }

    /** A person the caller may read: themselves, or one they manage. */
    public Person person(UUID id) {
        return gateway.get(uri -> uri.path("/api/identity/people/{id}").build(id), PERSON)
                .body();
    }

    /** The people the caller manages. */
    public List<Person> staff() {
        return gateway.get(
                        uri -> uri.path("/api/identity/people")
                                .queryParam("staff", true)
                                .queryParam("size", MOST)
                                .build(),
                        PEOPLE)
                .body()
                .items();
    }

    /** Every organisation of the installation. */
    public List<Organisation> organisations() {
        Register kept = register;
        Instant now = clock.instant();
        if (kept != null && kept.read().plus(REGISTER_KEPT).isAfter(now)) {
            return kept.organisations();
        }
        List<Organisation> all = new ArrayList<>();
        int page = 0;
        Page<Organisation> read;
        do {
            int number = page++;
            read = gateway.get(
                            uri -> uri.path("/api/identity/organisations")
                                    .queryParam("page", number)
                                    .queryParam("size", MOST)
                                    .build(),
                            ORGANISATIONS)
                    .body();
            all.addAll(read.items());
        } while (page < read.totalPages());
        register = new Register(List.copyOf(all), now);
        return List.copyOf(all);
    }
}
