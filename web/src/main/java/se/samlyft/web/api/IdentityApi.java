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
 * identity-service through the gateway: the people a manager manages or a coordinator looks after, the HR import,
 * federations' members, the funder's participant list, and the register of organisations (which is public within the
 * installation, so it is kept here for a few minutes and shared).
 */
@Component
public class IdentityApi {

    private static final ParameterizedTypeReference<Person> PERSON = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Page<Person>> PEOPLE = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Page<Organisation>> ORGANISATIONS =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Members> MEMBERS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<ImportReport> REPORT = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Organisation> ORGANISATION = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Appointed> APPOINTED = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Invitation> INVITATION = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Invitation>> INVITATIONS =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<ImportStatus> STATUS = new ParameterizedTypeReference<>() {};
    private static final Duration REGISTER_KEPT = Duration.ofMinutes(5);
    private static final int MOST = 100;

    private final Gateway gateway;
    private final Clock clock;
    private volatile @Nullable Register register;

    IdentityApi(Gateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /**
     * A person as identity shows them to their manager or coordinator: never a personal identity number, only whether
     * there is one; and whether their login exists, waits to be made, or was refused and why.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(
            UUID id,
            String givenName,
            String familyName,
            @Nullable String email,
            boolean hasPersonalIdentityNumber,
            String workplaceId,
            String workplaceName,
            String occupation,
            @Nullable UUID managerId,
            @Nullable String sex,
            @Nullable Integer birthYear,
            @Nullable String educationLevel,
            List<String> roles,
            String status,
            java.time.@Nullable LocalDate leftOn,
            @Nullable Login login,
            long version) {

        public Person {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        public String name() {
            return givenName + " " + familyName;
        }

        public boolean isEmployed() {
            return "EMPLOYED".equals(status);
        }
    }

    /** A person's login in Keycloak: {@code ACTIVE}, {@code PENDING} or {@code FAILED}, with Keycloak's reason. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Login(String state, @Nullable String reason) {}

    /** An HR import's progress and counts, as identity keeps them while it runs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportStatus(
            UUID id,
            boolean dryRun,
            String status,
            int totalRows,
            int processedRows,
            int created,
            int changed,
            int unchanged,
            int problemRows,
            @Nullable ImportReport report) {

        /** Whether the import has ended, saved or refused. */
        public boolean finished() {
            return !"RUNNING".equals(status);
        }

        /** How much of the file is done, in percent. */
        public int percent() {
            return totalRows == 0 ? (finished() ? 100 : 0) : Math.min(100, processedRows * 100 / totalRows);
        }
    }

    /** The report of an HR import: what it did or would do, and every problem by line and column. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportReport(
            UUID id,
            boolean dryRun,
            String status,
            int rows,
            int created,
            int changed,
            int unchanged,
            int skipped,
            List<RowProblem> problems,
            List<ImportedPerson> createdPeople,
            List<ImportedPerson> changedPeople,
            List<RoleWarning> warnings) {

        public ImportReport {
            problems = problems == null ? List.of() : List.copyOf(problems);
            createdPeople = createdPeople == null ? List.of() : List.copyOf(createdPeople);
            changedPeople = changedPeople == null ? List.of() : List.copyOf(changedPeople);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    /** A problem of one row: its line, the column, and a code the page says in Swedish. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RowProblem(
            int line,
            @Nullable String column,
            String code,
            @Nullable String message) {}

    /** A person an import created or changed: id, e-mail and, when changed, what changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportedPerson(UUID id, int line, String email, List<String> changes) {

        public ImportedPerson {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    /** A row whose empty role cell would take a coordinator's or manager's roles away. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RoleWarning(int line, String email, List<String> removedRoles) {

        public RoleWarning {
            removedRoles = removedRoles == null ? List.of() : List.copyOf(removedRoles);
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

    /** An invitation to join a federation and where it stands. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Invitation(
            UUID id,
            String federation,
            String tenant,
            java.time.@Nullable LocalDate joinsOn,
            Instant invitedAt,
            String status,
            @Nullable Instant answeredAt,
            java.time.@Nullable LocalDate acceptedOn,
            @Nullable String reference) {

        public boolean isOpen() {
            return "PENDING".equals(status);
        }
    }

    /** What an administrator sees of an appointed first coordinator: the new id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Appointed(UUID id, String organisation, List<String> roles) {}

    /** Onboards an organisation (platform administrators). */
    public Organisation onboard(java.util.Map<String, ?> organisation, Change change) {
        Organisation created = gateway.post(
                        uri -> uri.path("/api/identity/organisations").build(), organisation, change, ORGANISATION)
                .body();
        register = null;
        return created;
    }

    /** One organisation of the register. */
    public Organisation organisation(String tenant) {
        return gateway.get(
                        uri -> uri.path("/api/identity/organisations/{tenant}").build(tenant), ORGANISATION)
                .body();
    }

    /** Appoints a new organisation's first coordinator (platform administrators). */
    public Appointed appointFirstCoordinator(String tenant, java.util.Map<String, ?> person, Change change) {
        return gateway.post(
                        uri -> uri.path("/api/identity/organisations/{tenant}/coordinators")
                                .build(tenant),
                        person,
                        change,
                        APPOINTED)
                .body();
    }

    /** The federation's invitations, newest first. */
    public List<Invitation> invitations(String federation) {
        return gateway.get(
                        uri -> uri.path("/api/identity/federations/{federation}/invitations")
                                .build(federation),
                        INVITATIONS)
                .body();
    }

    public Invitation invite(String federation, java.util.Map<String, ?> invitation, Change change) {
        return gateway.post(
                        uri -> uri.path("/api/identity/federations/{federation}/invitations")
                                .build(federation),
                        invitation,
                        change,
                        INVITATION)
                .body();
    }

    /**
     * Answers an invitation: {@code accept} (an administrator records the member's decision with its day and
     * reference), {@code decline} or {@code withdraw}.
     */
    public Invitation answer(
            String federation, UUID invitation, String answer, java.util.@Nullable Map<String, ?> body, Change change) {
        return gateway.post(
                        uri -> uri.path("/api/identity/federations/{federation}/invitations/{id}/{answer}")
                                .build(federation, invitation, answer),
                        body,
                        change,
                        INVITATION)
                .body();
    }

    /** A member leaves: {@code leftOn} is its first day outside. */
    public void leave(String federation, String member, java.time.LocalDate leftOn, Change change) {
        gateway.postForStatus(
                uri -> uri.path("/api/identity/federations/{federation}/members/{tenant}/leave")
                        .build(federation, member),
                java.util.Map.of("leftOn", leftOn.toString()),
                change);
    }

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

    /** A page of the organisation's people for a coordinator, those matching {@code query} when given. */
    public Page<Person> people(@Nullable String query, int page, int size) {
        return gateway.get(
                        uri -> uri.path("/api/identity/people")
                                .queryParamIfPresent(
                                        "q",
                                        java.util.Optional.ofNullable(query).filter(text -> !text.isBlank()))
                                .queryParam("page", page)
                                .queryParam("size", size)
                                .build(),
                        PEOPLE)
                .body();
    }

    public Gateway.Answer<Person> personWithVersion(UUID id) {
        return gateway.get(uri -> uri.path("/api/identity/people/{id}").build(id), PERSON);
    }

    /** The employment ended: {@code leftOn} is the first day outside. */
    public Person leave(UUID id, java.time.LocalDate leftOn, Change change) {
        return gateway.post(
                        uri -> uri.path("/api/identity/people/{id}/leave").build(id),
                        java.util.Map.of("leftOn", leftOn.toString()),
                        change,
                        PERSON)
                .body();
    }

    /** Erases the person everywhere (GDPR art. 17). */
    public void erase(UUID id, Change change) {
        gateway.delete(uri -> uri.path("/api/identity/people/{id}").build(id), change);
    }

    /** Everything identity holds about the person, as the API's JSON document (the read is logged). */
    public Gateway.Download export(UUID id) {
        return gateway.download(
                uri -> uri.path("/api/identity/people/{id}/export").build(id));
    }

    /**
     * Sends an HR file: a dry run reports only; a real run with problems is a 422 problem carrying the report. The
     * import's id is chosen here, so that its progress can be read while it runs.
     */
    public ImportReport importFile(UUID importId, byte[] file, boolean dryRun, Change change) {
        return gateway.postFile(
                        uri -> uri.path("/api/identity/imports")
                                .queryParam("dryRun", dryRun)
                                .queryParam("importId", importId)
                                .build(),
                        file,
                        org.springframework.http.MediaType.parseMediaType("text/csv"),
                        change,
                        REPORT)
                .body();
    }

    /** An import's progress; 404 until it has begun. */
    public ImportStatus importStatus(UUID importId) {
        return gateway.get(uri -> uri.path("/api/identity/imports/{id}").build(importId), STATUS)
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
