package se.samlyft.identity.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.identity.organisation.EmailAddress;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

class PersonTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final TenantId MALA = TenantId.of("mala");

    @Test
    void aChangeOfNameAloneIsAChangeButNotOfTheFactsOthersSee() {
        Person person = Person.register(UUID.randomUUID(), MALA, profile("Åberg", Occupation.CARE_AIDE), NOW);

        boolean renamed = person.change(profile("Öberg", Occupation.CARE_AIDE), NOW);
        boolean retrained = person.change(profile("Öberg", Occupation.ASSISTANT_NURSE), NOW);
        boolean same = person.change(profile("Öberg", Occupation.ASSISTANT_NURSE), NOW);

        assertThat(renamed).isTrue();
        assertThat(retrained).isTrue();
        assertThat(same).isFalse();
        assertThat(person.version()).isEqualTo(3);
        assertThat(person.events())
                .extracting(event -> event instanceof PersonEvent.Changed changed && changed.factsChanged())
                .containsExactly(false, false, true);
    }

    @Test
    void aFailedLoginIsPendingAgainOnceThePersonIsChanged() {
        Person refused = Person.restore(
                UUID.randomUUID(),
                MALA,
                profile("Åberg", Occupation.CARE_AIDE),
                PersonStatus.EMPLOYED,
                null,
                4,
                Login.failed("error-person-name-invalid-character (firstName)"));

        refused.change(profile("Öberg", Occupation.CARE_AIDE), NOW);

        assertThat(refused.login()).isEqualTo(Login.pending());
        assertThat(Person.register(UUID.randomUUID(), MALA, profile("Åberg", Occupation.CARE_AIDE), NOW)
                        .login()
                        .state())
                .isEqualTo(Login.State.PENDING);
    }

    @Test
    void onlyAFailedLoginHasAReason() {
        assertThatThrownBy(() -> new Login(Login.State.ACTIVE, "ingen")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Login(Login.State.FAILED, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Login.failed("  ").reason()).isEqualTo("Keycloak gave no reason");
    }

    @Test
    void aPersonWhoLeftCanBeErasedButNotChangedOrLeaveAgain() {
        Person person = Person.register(UUID.randomUUID(), MALA, profile("Åberg", Occupation.CARE_AIDE), NOW);
        person.leave(LocalDate.parse("2026-12-01"), NOW);

        assertThatThrownBy(() -> person.change(profile("Öberg", Occupation.CARE_AIDE), NOW))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> person.leave(LocalDate.parse("2026-12-02"), NOW))
                .isInstanceOf(Conflict.class);
        person.erase(NOW);
        assertThat(person.events().getLast()).isInstanceOf(PersonEvent.Erased.class);
        assertThat(person.version()).isEqualTo(3);
    }

    @Test
    void noOneIsTheirOwnManager() {
        UUID id = UUID.randomUUID();
        PersonProfile own = new PersonProfile(
                "Märta",
                "Åberg",
                EmailAddress.of("marta@mala.se"),
                null,
                new Workplace("hemtjanst", "Hemtjänst"),
                Occupation.CARE_AIDE,
                id,
                Sex.WOMAN,
                1978,
                EducationLevel.ISCED_3_4,
                Set.of(Role.PARTICIPANT));

        assertThatThrownBy(() -> Person.register(id, MALA, own, NOW)).isInstanceOf(InvalidInput.class);
    }

    private static PersonProfile profile(String familyName, Occupation occupation) {
        return new PersonProfile(
                "Märta",
                familyName,
                EmailAddress.of("marta@mala.se"),
                null,
                new Workplace("hemtjanst", "Hemtjänst"),
                occupation,
                null,
                Sex.WOMAN,
                1978,
                EducationLevel.ISCED_3_4,
                Set.of(Role.PARTICIPANT));
    }
}
