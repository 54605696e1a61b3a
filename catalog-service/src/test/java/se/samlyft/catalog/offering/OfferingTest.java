package se.samlyft.catalog.offering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.samlyft.catalog.offering.OfferingFixture.terms;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.platform.problem.Conflict;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.tenancy.TenantId;

class OfferingTest {

    private static final TenantId AKADEMI_NORR = TenantId.of("akademi-norr");
    private static final TenantId VILHELMINA = TenantId.of("vilhelmina");
    private static final TenantId ASELE = TenantId.of("asele");
    private static final TenantId PITEA = TenantId.of("pitea");
    private static final Set<TenantId> MEMBERS = Set.of(VILHELMINA, ASELE, TenantId.of("dorotea"));
    private static final Instant NOW = Instant.parse("2026-06-10T08:30:00Z");

    @Test
    void aFederationsOfferingForItsMembersIsOpenToEachMemberAndNoOneElse() {
        Offering offering = joint(terms(40, AudienceKind.FEDERATION_MEMBERS, List.of(), List.of()));

        assertThat(offering.isOpenTo(ASELE)).isTrue();
        assertThat(offering.isOpenTo(PITEA)).isFalse();
        assertThat(offering.version()).isEqualTo(1);
        assertThat(offering.events()).singleElement().isInstanceOf(OfferingEvent.Scheduled.class);
    }

    @Test
    void followsTheFederationsMembershipDroppingTheQuotaOfAMemberThatLeft() {
        Offering offering = joint(terms(
                40,
                AudienceKind.FEDERATION_MEMBERS,
                List.of(),
                List.of(new Quota(VILHELMINA, 10), new Quota(ASELE, 6))));

        boolean changed = offering.followMembership(Set.of(ASELE, TenantId.of("dorotea"), PITEA), NOW);

        assertThat(changed).isTrue();
        assertThat(offering.isOpenTo(PITEA)).isTrue();
        assertThat(offering.isOpenTo(VILHELMINA)).isFalse();
        assertThat(offering.terms().quotas()).containsExactly(new Quota(ASELE, 6));
        assertThat(offering.terms().pool()).isEqualTo(34);
        assertThat(offering.version()).isEqualTo(2);
        assertThat(offering.events()).last().isInstanceOf(OfferingEvent.Changed.class);
    }

    @Test
    void anUnchangedMembershipOrANamedAudienceLeavesTheOfferingAsItIs() {
        Offering forAll = joint(terms(40, AudienceKind.FEDERATION_MEMBERS, List.of(), List.of()));
        Offering named = joint(terms(40, AudienceKind.NAMED, List.of(ASELE), List.of()));

        assertThat(forAll.followMembership(MEMBERS, NOW)).isFalse();
        assertThat(named.followMembership(Set.of(VILHELMINA), NOW)).isFalse();
        assertThat(forAll.version()).isEqualTo(1);
        assertThat(named.isOpenTo(ASELE)).isTrue();
        assertThat(forAll.events()).hasSize(1);
    }

    @Test
    void thePoolIsTheCapacityLessTheQuotas() {
        OfferingTerms terms = terms(
                40,
                AudienceKind.FEDERATION_MEMBERS,
                List.of(),
                List.of(new Quota(VILHELMINA, 10), new Quota(ASELE, 6)));

        assertThat(terms.pool()).isEqualTo(24);
    }

    @Test
    void refusesQuotasAboveTheCapacity() {
        assertThatThrownBy(() -> terms(
                        12,
                        AudienceKind.FEDERATION_MEMBERS,
                        List.of(),
                        List.of(new Quota(VILHELMINA, 10), new Quota(ASELE, 6))))
                .isInstanceOf(InvalidInput.class)
                .extracting(refused -> ((InvalidInput) refused).field().orElseThrow())
                .isEqualTo("quotas");
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThatThrownBy(() -> terms(-5, AudienceKind.OWN_STAFF, List.of(), List.of()))
                .hasMessageContaining("at least 1");
    }

    @Test
    void refusesANamedOrganisationOutsideTheFederation() {
        assertThatThrownBy(() -> joint(terms(40, AudienceKind.NAMED, List.of(VILHELMINA, PITEA), List.of())))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("pitea");
    }

    @Test
    void refusesAQuotaForAnOrganisationOutsideTheAudience() {
        assertThatThrownBy(
                        () -> joint(terms(40, AudienceKind.NAMED, List.of(VILHELMINA), List.of(new Quota(ASELE, 5)))))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("asele");
    }

    @Test
    void anOrganisationThatIsNoFederationOffersOnlyToItsOwnStaff() {
        assertThatThrownBy(() -> Offering.schedule(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        VILHELMINA,
                        terms(40, AudienceKind.FEDERATION_MEMBERS, List.of(), List.of()),
                        Set.of(),
                        NOW))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("OWN_STAFF");
    }

    @Test
    void changingRaisesTheVersionAndRecordsTheNewAudience() {
        Offering offering = joint(terms(40, AudienceKind.FEDERATION_MEMBERS, List.of(), List.of()));

        offering.change(terms(30, AudienceKind.NAMED, List.of(ASELE), List.of()), MEMBERS, NOW);

        assertThat(offering.version()).isEqualTo(2);
        assertThat(offering.isOpenTo(VILHELMINA)).isFalse();
        assertThat(offering.events().get(1))
                .isInstanceOfSatisfying(
                        OfferingEvent.Changed.class,
                        changed ->
                                assertThat(changed.offering().audienceTenants()).containsExactly(ASELE));
    }

    @Test
    void aCancelledOfferingCannotChangeOrBeCancelledAgain() {
        Offering offering = joint(terms(40, AudienceKind.FEDERATION_MEMBERS, List.of(), List.of()));
        offering.cancel(NOW);

        assertThat(offering.status()).isEqualTo(OfferingStatus.CANCELLED);
        assertThatThrownBy(() -> offering.cancel(NOW)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() ->
                        offering.change(terms(40, AudienceKind.FEDERATION_MEMBERS, List.of(), List.of()), MEMBERS, NOW))
                .isInstanceOf(Conflict.class);
        assertThat(offering.version()).isEqualTo(2);
    }

    @Test
    void refusesAnEndBeforeTheStartAndAWindowOpeningAfterTheStart() {
        Instant start = Instant.parse(OfferingFixture.STARTS);

        assertThat(fieldRefused(start.minusSeconds(86_400), start, start, start.minusSeconds(3_600)))
                .isEqualTo("endsAt");
        assertThat(fieldRefused(start.plusSeconds(3_600), start.plusSeconds(7_200), start, start.plusSeconds(86_400)))
                .isEqualTo("enrolmentOpensAt");
        assertThat(fieldRefused(start.minusSeconds(86_400), start.plusSeconds(7_200), start, start.plusSeconds(3_600)))
                .isEqualTo("enrolmentClosesAt");
    }

    @Test
    void aVenueIsNeededUnlessOnline() {
        assertThatThrownBy(() -> new Location(false, "2462", " "))
                .extracting(refused -> ((InvalidInput) refused).field().orElseThrow())
                .isEqualTo("venue");
        assertThat(new Location(true, null, null).venue()).isNull();
    }

    private static String fieldRefused(Instant opens, Instant closes, Instant starts, Instant ends) {
        InvalidInput refused = catchThrowableOfType(
                InvalidInput.class,
                () -> new OfferingTerms(
                        opens,
                        closes,
                        starts,
                        ends,
                        new Location(true, null, null),
                        10,
                        false,
                        false,
                        null,
                        AudienceKind.OWN_STAFF,
                        List.of(),
                        List.of(),
                        null));
        return refused.field().orElseThrow();
    }

    private static Offering joint(OfferingTerms terms) {
        return Offering.schedule(UUID.randomUUID(), UUID.randomUUID(), AKADEMI_NORR, terms, MEMBERS, NOW);
    }
}
