package se.samlyft.catalog.offering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.samlyft.catalog.offering.OfferingFixture.terms;

import java.time.Instant;
import java.time.LocalDate;
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
    private static final TenantId GOD_ASSISTANS = TenantId.of("god-assistans-i-norr");
    private static final Instant NOW = Instant.parse("2026-06-10T08:30:00Z");
    private static final UUID PROGRAMME = UUID.fromString("5b0e6d43-2a9f-4c61-9d55-0c7a8b1e9f20");
    private static final LocalDate START = LocalDate.of(2026, 3, 1);
    private static final LocalDate END = LocalDate.of(2028, 2, 29);

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
    void anOrganisationThatIsNoFederationHasNoMembersToOfferTo() {
        assertThatThrownBy(() -> Offering.schedule(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        VILHELMINA,
                        terms(40, AudienceKind.FEDERATION_MEMBERS, List.of(), List.of()),
                        Set.of(),
                        null,
                        NOW))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("OWN_STAFF");
    }

    @Test
    void aMunicipalitysProjectOffersItsCourseToThePartnersItsProgrammeNames() {
        Funding project = new Funding(PROGRAMME, PITEA, START, END, List.of(GOD_ASSISTANS));

        Offering offering = Offering.schedule(
                UUID.randomUUID(),
                UUID.randomUUID(),
                PITEA,
                funded(terms(
                        40, AudienceKind.NAMED, List.of(PITEA, GOD_ASSISTANS), List.of(new Quota(GOD_ASSISTANS, 8)))),
                Set.of(),
                project,
                NOW);

        assertThat(offering.isOpenTo(PITEA)).isTrue();
        assertThat(offering.isOpenTo(GOD_ASSISTANS)).isTrue();
        assertThat(offering.isOpenTo(VILHELMINA)).isFalse();
        assertThat(offering.terms().pool()).isEqualTo(32);
    }

    @Test
    void aMunicipalityNamesNoOrganisationItsProgrammeDoesNotNameAsPartner() {
        Funding project = new Funding(PROGRAMME, PITEA, START, END, List.of(GOD_ASSISTANS));

        assertThatThrownBy(() -> Offering.schedule(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        PITEA,
                        funded(terms(40, AudienceKind.NAMED, List.of(GOD_ASSISTANS, VILHELMINA), List.of())),
                        Set.of(),
                        project,
                        NOW))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("vilhelmina")
                .extracting(refused -> ((InvalidInput) refused).field().orElseThrow())
                .isEqualTo("namedOrganisations");
        assertThatThrownBy(() -> Offering.schedule(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        PITEA,
                        terms(40, AudienceKind.NAMED, List.of(GOD_ASSISTANS), List.of()),
                        Set.of(),
                        null,
                        NOW))
                .isInstanceOf(InvalidInput.class)
                .extracting(refused -> ((InvalidInput) refused).field().orElseThrow())
                .isEqualTo("audience");
    }

    @Test
    void aFederationMayAlsoNameThePartnersOfItsProgramme() {
        Funding project = new Funding(PROGRAMME, AKADEMI_NORR, START, END, List.of(GOD_ASSISTANS));

        Offering offering = Offering.schedule(
                UUID.randomUUID(),
                UUID.randomUUID(),
                AKADEMI_NORR,
                funded(terms(40, AudienceKind.NAMED, List.of(ASELE, GOD_ASSISTANS), List.of())),
                MEMBERS,
                project,
                NOW);

        assertThat(offering.audienceTenants()).containsExactly(ASELE, GOD_ASSISTANS);
    }

    @Test
    void anOfferingAProgrammeFundsLiesWithinTheProgrammesPeriod() {
        Funding ended =
                new Funding(PROGRAMME, VILHELMINA, LocalDate.of(2018, 3, 1), LocalDate.of(2020, 2, 28), List.of());
        Funding endsMidway = new Funding(PROGRAMME, VILHELMINA, START, LocalDate.of(2026, 10, 31), List.of());

        InvalidInput before = catchThrowableOfType(
                InvalidInput.class,
                () -> Offering.schedule(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        VILHELMINA,
                        funded(terms(40, AudienceKind.OWN_STAFF, List.of(), List.of())),
                        Set.of(),
                        ended,
                        NOW));
        InvalidInput after = catchThrowableOfType(
                InvalidInput.class,
                () -> Offering.schedule(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        VILHELMINA,
                        funded(terms(40, AudienceKind.OWN_STAFF, List.of(), List.of())),
                        Set.of(),
                        endsMidway,
                        NOW));

        assertThat(before.field()).contains("startsAt");
        assertThat(before.getMessage()).contains("2018-03-01 – 2020-02-28", "2026-09-07");
        assertThat(after.field()).contains("endsAt");
        assertThat(after.getMessage()).contains("2026-11-27");
    }

    @Test
    void changingRaisesTheVersionAndRecordsTheNewAudience() {
        Offering offering = joint(terms(40, AudienceKind.FEDERATION_MEMBERS, List.of(), List.of()));

        offering.change(terms(30, AudienceKind.NAMED, List.of(ASELE), List.of()), MEMBERS, null, NOW);

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
        assertThatThrownBy(() -> offering.change(
                        terms(40, AudienceKind.FEDERATION_MEMBERS, List.of(), List.of()), MEMBERS, null, NOW))
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
        return Offering.schedule(UUID.randomUUID(), UUID.randomUUID(), AKADEMI_NORR, terms, MEMBERS, null, NOW);
    }

    /** The terms funded by {@link #PROGRAMME}. */
    private static OfferingTerms funded(OfferingTerms terms) {
        return new OfferingTerms(
                terms.enrolmentOpensAt(),
                terms.enrolmentClosesAt(),
                terms.startsAt(),
                terms.endsAt(),
                terms.location(),
                terms.capacity(),
                terms.approvalRequired(),
                terms.paidWorkingTime(),
                PROGRAMME,
                terms.audience(),
                terms.namedOrganisations(),
                terms.quotas(),
                terms.quotaReleaseAt());
    }
}
