package se.samlyft.identity.participants;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.samlyft.identity.person.People;
import se.samlyft.identity.person.Person;
import se.samlyft.identity.person.PersonalIdentityNumber;
import se.samlyft.identity.person.PersonalNumberRead;
import se.samlyft.identity.person.PersonalNumberReads;
import se.samlyft.platform.security.Caller;
import se.samlyft.platform.tenancy.TenantContext;
import se.samlyft.platform.tenancy.TenantId;
import se.samlyft.platform.tenancy.TenantScope;

/**
 * Making the funder's participant list: the programme's participants from reporting (which checks that the caller is
 * the project leader of its owner), each with the personal identity number identity holds, read in the scope of the
 * organisations reporting named. Every number is written to the audit log, in the person's organisation, before the
 * list is answered. People identity no longer holds (erased since) are left out.
 */
public final class ParticipantLists {

    private final Participations participations;
    private final People people;
    private final PersonalNumberReads reads;
    private final Clock clock;

    public ParticipantLists(Participations participations, People people, PersonalNumberReads reads, Clock clock) {
        this.participations = participations;
        this.people = people;
        this.reads = reads;
        this.clock = clock;
    }

    /** The list of {@code programmeId} for {@code leader}, a project leader of {@code owner}. */
    public List<ListedParticipant> of(UUID programmeId, Caller leader, TenantId owner) {
        List<Participation> participants = participations.of(programmeId);
        if (participants.isEmpty()) {
            return List.of();
        }
        TenantScope scope = TenantScope.federation(
                owner,
                participants.stream()
                        .map(Participation::organisation)
                        .distinct()
                        .toList());
        return TenantContext.callAs(scope, () -> {
            List<ListedParticipant> listed = new ArrayList<>();
            for (Participation participation : participants) {
                people.find(participation.personId())
                        .filter(person -> person.organisation().equals(participation.organisation()))
                        .ifPresent(person -> listed.add(listed(programmeId, leader, participation, person)));
            }
            listed.sort(Comparator.comparing(ListedParticipant::startMonth)
                    .thenComparing(participant -> String.valueOf(participant.personalIdentityNumber())));
            return List.copyOf(listed);
        });
    }

    private ListedParticipant listed(UUID programmeId, Caller leader, Participation participation, Person person) {
        PersonalIdentityNumber number = person.profile().personalIdentityNumber();
        if (number != null) {
            reads.record(new PersonalNumberRead(
                    UUID.randomUUID(),
                    person.organisation(),
                    person.id(),
                    clock.instant(),
                    leader.username(),
                    leader.personId(),
                    PersonalNumberRead.ReaderRole.PROJECT_LEADER,
                    PersonalNumberRead.Purpose.PARTICIPANT_LIST,
                    Optional.of(programmeId)));
        }
        return new ListedParticipant(
                number == null ? null : number.formatted(),
                person.profile().sex(),
                participation.startMonth(),
                participation.endMonth());
    }
}
