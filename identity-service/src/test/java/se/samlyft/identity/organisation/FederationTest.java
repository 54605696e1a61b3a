package se.samlyft.identity.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.NotFound;
import se.samlyft.platform.tenancy.TenantId;

class FederationTest {

    private static final TenantId AKADEMI_NORR = TenantId.of("akademi-norr");
    private static final TenantId MALA = TenantId.of("mala");
    private static final TenantId SOLLEFTEA = TenantId.of("solleftea");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    @Test
    void anOrganisationBecomesAMemberOnlyWhenItAcceptsAndNeverBeforeTheDayItAccepts() {
        Federation federation = empty();
        UUID invitation =
                federation.invite(UUID.randomUUID(), MALA, null, TODAY, NOW).id();

        assertThat(federation.membersOn(TODAY)).as("invited is not a member").isEmpty();
        assertThat(federation.events()).isEmpty();
        assertThatThrownBy(() -> federation.accept(invitation, LocalDate.parse("2020-08-01"), TODAY, NOW))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused -> assertThat(refused.field()).hasValue("joinedOn"));
        Membership joined = federation.accept(invitation, null, TODAY, NOW);

        assertThat(joined).isEqualTo(new Membership(MALA, TODAY, null, TODAY, Consent.MEMBER));
        assertThat(federation.membersOn(TODAY.minusDays(1))).isEmpty();
        assertThat(federation.membersOn(TODAY)).containsExactly(MALA);
        assertThat(federation.invitation(invitation).orElseThrow().status()).isEqualTo(Invitation.Status.ACCEPTED);
        assertThat(federation.events())
                .singleElement()
                .satisfies(event -> assertThat(event.members()).containsExactly(joined));
    }

    @Test
    void theProposedFirstDayIsTheDefaultAndNeitherSideMayDateItBeforeToday() {
        Federation federation = empty();

        assertThatThrownBy(() -> federation.invite(UUID.randomUUID(), MALA, TODAY.minusDays(1), TODAY, NOW))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused -> assertThat(refused.field()).hasValue("joinsOn"));
        UUID invitation = federation
                .invite(UUID.randomUUID(), MALA, LocalDate.parse("2027-01-01"), TODAY, NOW)
                .id();

        assertThat(federation.accept(invitation, null, TODAY, NOW).joinedOn()).isEqualTo("2027-01-01");
    }

    @Test
    void anAdministratorRecordsADecisionMadeOutsideThePlatformWithItsDayAndReference() {
        Federation federation = empty();
        UUID invitation =
                federation.invite(UUID.randomUUID(), MALA, null, TODAY, NOW).id();

        assertThatThrownBy(() -> federation.recordAcceptance(
                        invitation, TODAY.plusDays(1), null, "Kommunstyrelsen 2026-11-30 §12", TODAY, NOW))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused -> assertThat(refused.field()).hasValue("acceptedOn"));
        assertThatThrownBy(() -> federation.recordAcceptance(
                        invitation,
                        LocalDate.parse("2020-07-15"),
                        LocalDate.parse("2020-07-01"),
                        "Kommunstyrelsen 2020-07-15 §87",
                        TODAY,
                        NOW))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused -> assertThat(refused.field()).hasValue("joinedOn"));
        assertThatThrownBy(() ->
                        federation.recordAcceptance(invitation, LocalDate.parse("2020-07-15"), null, " ", TODAY, NOW))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        refused -> assertThat(refused.field()).hasValue("reference"));
        Membership recorded = federation.recordAcceptance(
                invitation,
                LocalDate.parse("2020-07-15"),
                LocalDate.parse("2020-08-01"),
                "Kommunstyrelsen 2020-07-15 §87",
                TODAY,
                NOW);

        assertThat(recorded)
                .isEqualTo(new Membership(
                        MALA,
                        LocalDate.parse("2020-08-01"),
                        null,
                        LocalDate.parse("2020-07-15"),
                        Consent.PLATFORM_ADMINISTRATOR));
        assertThat(federation.invitation(invitation).orElseThrow().reference())
                .isEqualTo("Kommunstyrelsen 2020-07-15 §87");
    }

    @Test
    void anInvitationIsAnsweredOnceAndOnlyOneWaitsPerOrganisation() {
        Federation federation = empty();
        UUID declined =
                federation.invite(UUID.randomUUID(), MALA, null, TODAY, NOW).id();

        assertThatThrownBy(() -> federation.invite(UUID.randomUUID(), MALA, null, TODAY, NOW))
                .isInstanceOf(Conflict.class);
        federation.decline(declined, NOW.plusSeconds(1));
        assertThatThrownBy(() -> federation.accept(declined, null, TODAY, NOW)).isInstanceOf(Conflict.class);
        UUID withdrawn = federation
                .invite(UUID.randomUUID(), MALA, null, TODAY, NOW.plusSeconds(2))
                .id();
        federation.withdraw(withdrawn, NOW.plusSeconds(3));
        assertThatThrownBy(() -> federation.accept(withdrawn, null, TODAY, NOW)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> federation.accept(UUID.randomUUID(), null, TODAY, NOW))
                .isInstanceOf(NotFound.class);

        assertThat(federation.invitations())
                .extracting(Invitation::status)
                .containsExactly(Invitation.Status.DECLINED, Invitation.Status.WITHDRAWN);
        assertThat(federation.membersOn(TODAY)).isEmpty();
        assertThat(federation.events())
                .as("invitations alone change no membership")
                .isEmpty();
        assertThat(federation.version()).isEqualTo(4);
    }

    @Test
    void aPeriodsMembersAreThoseOfThatPeriodAndAMemberThatLeftMayBeInvitedAgain() {
        Federation federation = empty();
        join(federation, MALA, "2020-08-01");
        federation.leave(MALA, LocalDate.parse("2021-07-01"), NOW);
        join(federation, SOLLEFTEA, "2021-07-01");

        assertThat(federation.membersOn(LocalDate.parse("2021-06-30"))).containsExactly(MALA);
        assertThat(federation.membersOn(LocalDate.parse("2021-07-01"))).containsExactly(SOLLEFTEA);
        assertThat(federation.membersDuring(LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31")))
                .containsExactly(MALA, SOLLEFTEA);
        assertThat(federation.events()).hasSize(3);
        assertThat(federation.events().getLast().members()).hasSize(2);

        join(federation, MALA, "2022-01-01");
        assertThat(federation.history()).hasSize(3);
        assertThat(federation.membersOn(LocalDate.parse("2022-01-01"))).containsExactly(MALA, SOLLEFTEA);
    }

    @Test
    void refusesTheFederationItselfACurrentMemberAndLeavingWithoutBeingAMember() {
        Federation federation = empty();
        join(federation, MALA, "2020-08-01");

        assertThatThrownBy(() -> federation.invite(UUID.randomUUID(), MALA, null, TODAY, NOW))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> federation.invite(UUID.randomUUID(), AKADEMI_NORR, null, TODAY, NOW))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> federation.leave(SOLLEFTEA, LocalDate.parse("2021-01-01"), NOW))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> federation.leave(MALA, LocalDate.parse("2020-08-01"), NOW))
                .isInstanceOf(InvalidInput.class);
    }

    private static Federation empty() {
        return Federation.restore(AKADEMI_NORR, List.of(), List.of(), 0);
    }

    /** The member joins on {@code day} by a decision of that day, as an administrator records it. */
    private static void join(Federation federation, TenantId member, String day) {
        UUID invitation =
                federation.invite(UUID.randomUUID(), member, null, TODAY, NOW).id();
        federation.recordAcceptance(invitation, LocalDate.parse(day), null, "Beslut " + day, TODAY, NOW);
    }
}
