package se.samlyft.enrolment.enrolment;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.person.People;
import se.samlyft.enrolment.person.Person;
import se.samlyft.platform.tenancy.TenantId;

/** Enrolments and people in memory, for the desk's unit tests; keeps every event stored, in order. */
final class InMemoryEnrolments implements Enrolments {

    private final Map<UUID, StoredEnrolment> stored = new LinkedHashMap<>();
    private final InMemoryPeople people = new InMemoryPeople();
    private final List<EnrolmentEvent> published = new ArrayList<>();
    private long arrivals;

    List<EnrolmentEvent> published() {
        return List.copyOf(published);
    }

    Person register(Person person) {
        people.save(person);
        return person;
    }

    private List<Enrolment> all() {
        return stored.values().stream()
                .sorted(Comparator.comparingLong(s -> s.request().arrival()))
                .map(Enrolment::restore)
                .toList();
    }

    @Override
    public Optional<Enrolment> find(UUID id) {
        return Optional.ofNullable(stored.get(id)).map(Enrolment::restore);
    }

    @Override
    public List<Enrolment> list(@Nullable UUID personId, int page, int size) {
        return all();
    }

    @Override
    public long count(@Nullable UUID personId) {
        return stored.size();
    }

    @Override
    public List<Enrolment> listOfStaff(UUID managerId, int page, int size) {
        return List.of();
    }

    @Override
    public long countOfStaff(UUID managerId) {
        return 0;
    }

    @Override
    public Optional<Enrolment> live(UUID personId, UUID offeringId) {
        return all().stream()
                .filter(e -> e.request().personId().value().equals(personId)
                        && e.offeringId().value().equals(offeringId)
                        && e.state().isLive())
                .findFirst();
    }

    @Override
    public List<Enrolment> liveOf(UUID personId) {
        return all().stream()
                .filter(e -> e.request().personId().value().equals(personId)
                        && e.state().isLive())
                .toList();
    }

    @Override
    public long nextArrival() {
        return ++arrivals;
    }

    @Override
    public List<Enrolment> waitlist(UUID offeringId) {
        return all().stream()
                .filter(e -> e.offeringId().value().equals(offeringId) && e.state() == EnrolmentState.WAITLISTED)
                .toList();
    }

    @Override
    public int waitingBefore(UUID offeringId, long arrival) {
        return (int) waitlist(offeringId).stream()
                .filter(e -> e.request().arrival() < arrival)
                .count();
    }

    @Override
    public List<Enrolment> live(UUID offeringId) {
        return all().stream()
                .filter(e ->
                        e.offeringId().value().equals(offeringId) && e.state().isLive())
                .toList();
    }

    @Override
    public List<Enrolment> holdsExpired(UUID offeringId, Instant at) {
        return all().stream()
                .filter(e -> e.state() == EnrolmentState.AWAITING_APPROVAL
                        && !at.isBefore(e.stored().seat().until()))
                .toList();
    }

    @Override
    public List<Enrolment> awaitingApprovalBy(UUID managerId) {
        return List.of();
    }

    @Override
    public List<Enrolment> awaitingApproval() {
        return all().stream()
                .filter(e -> e.state() == EnrolmentState.AWAITING_APPROVAL)
                .toList();
    }

    @Override
    public List<Enrolment> ofOffering(
            UUID offeringId, @Nullable EnrolmentState state, @Nullable TenantId organisation, int page, int size) {
        return all().stream()
                .filter(e -> e.offeringId().value().equals(offeringId))
                .filter(e -> state == null || e.state() == state)
                .filter(e -> organisation == null || e.request().organisation().equals(organisation))
                .skip((long) page * size)
                .limit(size)
                .toList();
    }

    @Override
    public long countOfOffering(UUID offeringId, @Nullable EnrolmentState state, @Nullable TenantId organisation) {
        return ofOffering(offeringId, state, organisation, 0, Integer.MAX_VALUE).size();
    }

    @Override
    public List<SeatUse> seatUse(UUID offeringId) {
        Map<TenantId, List<Enrolment>> byOrganisation = new java.util.TreeMap<>(Comparator.comparing(TenantId::value));
        ofOffering(offeringId, null, null, 0, Integer.MAX_VALUE)
                .forEach(e -> byOrganisation
                        .computeIfAbsent(e.request().organisation(), organisation -> new ArrayList<>())
                        .add(e));
        return byOrganisation.entrySet().stream()
                .map(entry -> new SeatUse(
                        entry.getKey(),
                        count(entry.getValue(), e -> e.seat() == SeatSource.QUOTA),
                        count(entry.getValue(), e -> e.seat() == SeatSource.POOL),
                        count(entry.getValue(), e -> e.state() == EnrolmentState.AWAITING_APPROVAL),
                        count(entry.getValue(), e -> e.state() == EnrolmentState.WAITLISTED)))
                .toList();
    }

    private static int count(List<Enrolment> enrolments, java.util.function.Predicate<Enrolment> which) {
        return (int) enrolments.stream().filter(which).count();
    }

    @Override
    public Optional<Integer> waitlistPosition(UUID enrolmentId) {
        return find(enrolmentId)
                .filter(e -> e.state() == EnrolmentState.WAITLISTED)
                .map(e -> waitingBefore(e.offeringId().value(), e.request().arrival()) + 1);
    }

    @Override
    public void add(Enrolment enrolment) {
        stored.put(enrolment.id().value(), enrolment.stored());
        published.addAll(enrolment.takeEvents());
    }

    @Override
    public void update(Enrolment enrolment, long expectedVersion) {
        if (stored.get(enrolment.id().value()).version() != expectedVersion) {
            throw new IllegalStateException("stale");
        }
        stored.put(enrolment.id().value(), enrolment.stored());
        published.addAll(enrolment.takeEvents());
    }

    @Override
    public Map<YearMonth, TimeStatement> timeStatements(UUID enrolmentId) {
        return Map.of();
    }

    @Override
    public void saveTimeStatement(Enrolment enrolment, TimeStatement statement) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int pseudonymise(UUID personId) {
        throw new UnsupportedOperationException();
    }

    /** The desk of {@code offering} with the seats taken as the stored enrolments hold them. */
    SeatDesk deskOf(se.samlyft.enrolment.offering.Offering offering) {
        Map<TenantId, Integer> fromQuota = new LinkedHashMap<>();
        int fromPool = 0;
        for (Enrolment e : all()) {
            if (e.seat() == SeatSource.QUOTA) {
                fromQuota.merge(e.request().organisation(), 1, Integer::sum);
            } else if (e.seat() == SeatSource.POOL) {
                fromPool++;
            }
        }
        return new SeatDesk(SeatLedger.of(offering, fromQuota, fromPool), this, people);
    }

    /** People in memory. */
    static final class InMemoryPeople implements People {

        private final Map<UUID, Person> people = new LinkedHashMap<>();

        @Override
        public Optional<Person> find(UUID id) {
            return Optional.ofNullable(people.get(id));
        }

        @Override
        public boolean save(Person person) {
            people.put(person.id(), person);
            return true;
        }

        @Override
        public boolean left(UUID id, TenantId organisation, long version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean erased(UUID id, TenantId organisation, long version) {
            throw new UnsupportedOperationException();
        }
    }
}
