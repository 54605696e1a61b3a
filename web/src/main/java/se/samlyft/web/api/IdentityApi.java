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
