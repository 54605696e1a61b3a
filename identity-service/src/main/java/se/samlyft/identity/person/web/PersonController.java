package se.samlyft.identity.person.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.samlyft.identity.organisation.Organisation;
import se.samlyft.identity.organisation.Organisations;
import se.samlyft.identity.person.People;
import se.samlyft.identity.person.Person;
import se.samlyft.identity.person.PersonProfile;
import se.samlyft.identity.person.PersonalNumberRead;
import se.samlyft.identity.person.PersonalNumberReads;
import se.samlyft.identity.person.RoleRules;
import se.samlyft.identity.web.IdentityPolicy;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.ETags;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.web.Page;

/**
 * {@code /api/identity/people}: the people of the caller's organisation. Its coordinators register, change, mark as
 * left and erase them, and list and read them all; a manager lists and reads only the people they manage (their
 * staff); a person reads and exports their own data. The personal identity number is never shown here.
 */
@RestController
@RequestMapping("/api/identity/people")
class PersonController {

    private static final String PATH = "/api/identity/people/";

    private final People people;
    private final Organisations organisations;
    private final PersonalNumberReads numberReads;
    private final Clock clock;

    PersonController(People people, Organisations organisations, PersonalNumberReads numberReads, Clock clock) {
        this.people = people;
        this.organisations = organisations;
        this.numberReads = numberReads;
        this.clock = clock;
    }

    /** The first day without employment. */
    record LeaveRequest(@NotNull LocalDate leftOn) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<PersonView> registerPerson(@Valid @RequestBody PersonRequest request) {
        TenantId tenant = IdentityPolicy.requireMayManagePeople();
        PersonProfile profile = checked(tenant, request.toProfile(LocalDate.now(clock)));
        UUID id = request.id() == null ? UUID.randomUUID() : request.id();
        if (request.id() != null && people.idInUse(id)) {
            throw new Conflict("The person id " + id + " is already in use, or was used by a person who was erased.");
        }
        Person person = Person.register(id, tenant, profile, clock.instant());
        people.add(person);
        return ResponseEntity.created(URI.create(PATH + person.id()))
                .eTag(ETags.of(person.version()))
                .body(PersonView.of(person));
    }

    /**
     * The organisation's people for its coordinators, those whose name, e-mail address or workplace holds the words of
     * {@code q} when given; the people the caller manages for a manager, and for anyone who asks for {@code
     * staff=true}.
     */
    @GetMapping
    Page<PersonView> listPeople(
            @RequestParam(defaultValue = "false") boolean staff,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        IdentityPolicy.requireMayListPeople();
        if (!staff && IdentityPolicy.isCoordinator()) {
            return Page.of(
                    people.page(q, page, size).stream().map(PersonView::of).toList(), page, size, people.count(q));
        }
        return IdentityPolicy.caller()
                .personId()
                .map(manager -> Page.of(
                        people.pageManagedBy(manager, page, size).stream()
                                .map(PersonView::of)
                                .toList(),
                        page,
                        size,
                        people.countManagedBy(manager)))
                .orElseGet(() -> Page.empty(page, size));
    }

    @GetMapping("/{id}")
    ResponseEntity<PersonView> getPerson(@PathVariable UUID id) {
        Person person = readable(id);
        return ResponseEntity.ok().eTag(ETags.of(person.version())).body(PersonView.of(person));
    }

    @PutMapping("/{id}")
    ResponseEntity<PersonView> changePerson(
            @PathVariable UUID id,
            @RequestHeader(name = ETags.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PersonRequest request) {
        TenantId tenant = IdentityPolicy.requireMayManagePeople();
        Person person = existing(id);
        ETags.requireMatch(ifMatch, person.version());
        long stored = person.version();
        if (person.change(checked(tenant, request.toProfile(LocalDate.now(clock))), clock.instant())) {
            people.update(person, stored);
        }
        return ResponseEntity.ok().eTag(ETags.of(person.version())).body(PersonView.of(person));
    }

    @PostMapping("/{id}/leave")
    ResponseEntity<PersonView> leave(@PathVariable UUID id, @Valid @RequestBody LeaveRequest request) {
        IdentityPolicy.requireMayManagePeople();
        Person person = existing(id);
        long stored = person.version();
        person.leave(request.leftOn(), clock.instant());
        people.update(person, stored);
        return ResponseEntity.ok().eTag(ETags.of(person.version())).body(PersonView.of(person));
    }

    /**
     * Everything identity holds about the person (GDPR art. 15 and 20), for the person or a coordinator. It is the one
     * answer that shows a personal identity number, and the read is written to the audit log before it is shown.
     */
    @GetMapping("/{id}/export")
    PersonExport export(@PathVariable UUID id) {
        Person person = ownOrManaged(id);
        if (person.profile().personalIdentityNumber() != null) {
            Caller reader = IdentityPolicy.caller();
            boolean own = reader.personId().map(id::equals).orElse(false);
            numberReads.record(new PersonalNumberRead(
                    UUID.randomUUID(),
                    person.organisation(),
                    id,
                    clock.instant(),
                    reader.username(),
                    reader.personId(),
                    own ? PersonalNumberRead.ReaderRole.THE_PERSON : PersonalNumberRead.ReaderRole.COORDINATOR,
                    PersonalNumberRead.Purpose.EXPORT,
                    Optional.empty()));
        }
        return PersonExport.of(person);
    }

    /** Who read the person's personal identity number, and when: for the person and their coordinators. */
    @GetMapping("/{id}/personal-number-reads")
    Page<PersonalNumberReadView> personalNumberReads(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        ownOrManaged(id);
        return Page.of(
                numberReads.page(id, page, size).stream()
                        .map(PersonalNumberReadView::of)
                        .toList(),
                page,
                size,
                numberReads.count(id));
    }

    /**
     * Erases the person (GDPR art. 17): their identity data is removed, their login deleted, and every other service
     * told to remove or pseudonymise what it holds.
     */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> erase(@PathVariable UUID id) {
        IdentityPolicy.requireMayManagePeople();
        Person person = existing(id);
        person.erase(clock.instant());
        people.erase(person);
        return ResponseEntity.noContent().build();
    }

    private PersonProfile checked(TenantId tenant, PersonProfile profile) {
        Organisation organisation = organisations
                .find(tenant)
                .orElseThrow(() -> new Conflict("The organisation " + tenant + " is not onboarded yet."));
        RoleRules.requireFit(organisation.kind(), profile.roles());
        if (profile.managerId() != null && !people.isEmployed(profile.managerId())) {
            throw new InvalidInput("managerId", "must name an employed person of the same organisation");
        }
        return profile;
    }

    private Person existing(UUID id) {
        return people.find(id).orElseThrow(() -> NotFound.of("person", id));
    }

    /** The person for a coordinator of the organisation, their manager and themselves. */
    private Person readable(UUID id) {
        if (IdentityPolicy.isCoordinator()) {
            return existing(id);
        }
        Optional<UUID> caller = IdentityPolicy.caller().personId();
        if (IdentityPolicy.isManager() && caller.isPresent()) {
            Optional<Person> managed = people.find(id)
                    .filter(person -> caller.get().equals(person.profile().managerId()));
            if (managed.isPresent()) {
                return managed.get();
            }
        }
        return ownOrManaged(id);
    }

    private Person ownOrManaged(UUID id) {
        if (!IdentityPolicy.isThePerson(id)
                && !IdentityPolicy.isCoordinator()
                && IdentityPolicy.caller().tenant().isPresent()
                && people.find(id).isEmpty()) {
            throw NotFound.of("person", id);
        }
        IdentityPolicy.requireThePersonOrACoordinator(id);
        return existing(id);
    }
}
