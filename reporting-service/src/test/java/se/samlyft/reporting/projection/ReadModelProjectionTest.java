package se.samlyft.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samlyft.reporting.AgainstReporting;
import se.samlyft.reporting.fixture.Enrolment;
import se.samlyft.reporting.fixture.Event;
import se.samlyft.reporting.fixture.Events;
import se.samlyft.reporting.fixture.Person;
import se.samlyft.reporting.report.Dimension;
import se.samlyft.reporting.report.FollowUp;
import se.samlyft.reporting.report.MonthlyReport;
import se.samlyft.reporting.report.Period;
import se.samlyft.reporting.report.Reports;
import se.samlyft.reporting.report.ShownCount;
import se.samlyft.testsupport.TestDatabase;

/**
 * The read model built from sequences of events, as the reports then count them: redelivery, an older version
 * arriving late, a person's erasure, a federation's membership changing in the middle of a period, and a corrected
 * month.
 */
class ReadModelProjectionTest extends AgainstReporting {

    @Autowired
    Reports reports;

    @Autowired
    TestDatabase database;

    private final UUID programme = UUID.randomUUID();

    @Test
    void appliesARedeliveredEventOnce() {
        String arvidsjaur = tenant("arvidsjaur");
        Person anna = Person.of(arvidsjaur);
        Enrolment enrolment = Enrolment.of(anna, arvidsjaur, programme);
        Event started = enrolment.started("2021-03-01T08:00:00Z");
        Event evaluated = enrolment.evaluation("2021-04-01T08:00:00Z", 5);

        boolean[] applied = apply(
                anna.described(), enrolment.requested("2021-02-01T08:00:00Z"), started, started, evaluated, evaluated);

        assertThat(applied).containsExactly(true, true, true, false, true, false);
        FollowUp followUp = followUpIn(arvidsjaur);
        assertThat(followUp.participation().started()).isEqualTo(1);
        assertThat(followUp.participation().evaluations()).isEqualTo(1);
    }

    @Test
    void ignoresAnOlderVersionArrivingLate() {
        String arvidsjaur = tenant("arvidsjaur");
        Person anna = Person.of(arvidsjaur).sex("WOMAN");
        Event annaAsWoman = anna.described();
        Event annaAsNonBinary = anna.sex("NON_BINARY").described();
        Enrolment enrolment = Enrolment.of(anna, arvidsjaur, programme);
        Event requested = enrolment.requested("2021-02-01T08:00:00Z");
        Event started = enrolment.started("2021-03-01T08:00:00Z");
        Event completed = enrolment.completed("2021-05-20T08:00:00Z");

        apply(annaAsNonBinary, requested, started, completed);
        boolean[] late = apply(started.republished(), annaAsWoman, requested.republished());

        assertThat(late).as("applied, and changing nothing").containsOnly(true);
        FollowUp followUp = followUpIn(arvidsjaur);
        assertThat(followUp.participation().completed()).isEqualTo(1);
        assertThat(followUp.participation().ongoing()).isZero();
        assertThat(followUp.participation().started()).isEqualTo(1);
        assertThat(breakdown(followUp, Dimension.SEX)).containsExactly(Map.entry("NON_BINARY", 1L));
        MonthlyReport march = in(arvidsjaur, () -> reports.monthly(programme, YearMonth.of(2021, 3), null));
        assertThat(march.started())
                .singleElement()
                .satisfies(line -> assertThat(line.startedOn()).isEqualTo(LocalDate.of(2021, 3, 1)));
    }

    @Test
    void erasureDropsThePersonAndKeepsTheAggregates() {
        String lycksele = tenant("lycksele");
        Person anna = Person.of(lycksele)
                .sex("WOMAN")
                .born(1968)
                .education("ISCED_0_2")
                .workplace("sarskilt-boende-asgarden", "Särskilt boende Åsgården");
        Person erik = Person.of(lycksele).sex("MAN").born(1990).education("ISCED_5_8");
        Enrolment first = Enrolment.of(anna, lycksele, programme);
        Enrolment second = Enrolment.of(anna, lycksele, programme);
        Enrolment eriks = Enrolment.of(erik, lycksele, programme);
        apply(anna.described(), erik.described());
        apply(
                first.requested("2021-03-01T08:00:00Z"),
                first.started("2021-03-02T08:00:00Z"),
                first.timeStatement("2021-03-31T18:00:00Z", "IN_PROGRESS", "2021-03", "12.5", "10", 1),
                first.completed("2021-04-15T08:00:00Z"),
                first.evaluation("2021-04-16T08:00:00Z", 4));
        apply(
                second.requested("2021-05-01T08:00:00Z"),
                second.started("2021-05-03T08:00:00Z"),
                eriks.requested("2021-03-01T08:00:00Z"),
                eriks.started("2021-03-05T08:00:00Z"),
                eriks.timeStatement("2021-03-31T18:00:00Z", "IN_PROGRESS", "2021-03", "8", "8", 1));
        FollowUp before = followUpIn(lycksele);
        MonthlyReport marchBefore = in(lycksele, () -> reports.monthly(programme, YearMonth.of(2021, 3), null));

        apply(anna.erased());
        apply(anna.described());

        FollowUp after = followUpIn(lycksele);
        assertThat(after).isEqualTo(before);
        assertThat(after.participation().participants()).isEqualTo(2);
        assertThat(after.participation().started()).isEqualTo(3);
        assertThat(breakdown(after, Dimension.SEX)).containsEntry("WOMAN", 1L).containsEntry("MAN", 1L);
        assertThat(breakdown(after, Dimension.AGE_BAND))
                .containsEntry("45-54", 1L)
                .containsEntry("25-34", 1L);
        assertThat(breakdown(after, Dimension.WORKPLACE)).containsEntry("Särskilt boende Åsgården", 1L);
        MonthlyReport marchAfter = in(lycksele, () -> reports.monthly(programme, YearMonth.of(2021, 3), null));
        assertThat(marchAfter.hours())
                .extracting(line -> line.participant().personId())
                .containsExactlyInAnyOrder(null, erik.id());
        assertThat(marchAfter.hours())
                .extracting(line -> line.participant().participant())
                .containsExactlyInAnyOrderElementsOf(marchBefore.hours().stream()
                        .map(line -> line.participant().participant())
                        .toList());
        assertThat(rowsMentioning(anna.id()))
                .as("rows that still hold the erased person's id")
                .isEmpty();
    }

    @Test
    void countsEachOrganisationOnlyWhileItWasAMemberWhenMembershipChangesMidPeriod() {
        String federation = tenant("akademi-norr");
        String mala = tenant("mala");
        String solleftea = tenant("solleftea");
        String arvidsjaur = tenant("arvidsjaur");
        Event allAlong = Events.membership(federation, 1)
                .member(mala, "2020-08-01")
                .member(arvidsjaur, "2020-08-01")
                .event();
        Event malaLeavesSollefteaJoins = Events.membership(federation, 2)
                .member(mala, "2020-08-01", "2021-07-01")
                .member(arvidsjaur, "2020-08-01")
                .member(solleftea, "2021-07-01")
                .event();
        apply(allAlong, malaLeavesSollefteaJoins, allAlong.republished());
        startedOn(mala, "2021-03-10T08:00:00Z");
        startedOn(mala, "2021-09-10T08:00:00Z");
        startedOn(solleftea, "2021-03-10T08:00:00Z");
        startedOn(solleftea, "2021-09-10T08:00:00Z");
        startedOn(arvidsjaur, "2021-05-05T08:00:00Z");

        FollowUp year = federationView(federation, new Period(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)));
        FollowUp firstHalf =
                federationView(federation, new Period(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 6, 30)));
        FollowUp secondHalf =
                federationView(federation, new Period(LocalDate.of(2021, 7, 1), LocalDate.of(2021, 12, 31)));

        assertThat(year.participation().participants()).isEqualTo(3);
        assertThat(breakdown(year, Dimension.ORGANISATION))
                .containsOnly(Map.entry(arvidsjaur, 1L), Map.entry(mala, 1L), Map.entry(solleftea, 1L));
        assertThat(breakdown(firstHalf, Dimension.ORGANISATION))
                .containsOnly(Map.entry(arvidsjaur, 1L), Map.entry(mala, 1L));
        assertThat(breakdown(secondHalf, Dimension.ORGANISATION)).containsOnly(Map.entry(solleftea, 1L));
    }

    @Test
    void aMemberCountsForTheFederationOnlyFromTheDayItAcceptedWhateverThePeriodSays() {
        String federation = tenant("akademi-norr");
        String dorotea = tenant("dorotea");
        apply(Events.membership(federation, 1)
                .memberAcceptedLater(dorotea, "2020-08-01", "2021-06-01")
                .event());
        startedOn(dorotea, "2021-03-10T08:00:00Z");
        startedOn(dorotea, "2021-09-10T08:00:00Z");

        FollowUp year = federationView(federation, new Period(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)));
        List<String> firstQuarter = in(
                        federation,
                        () -> reports.membersOf(
                                federation, new Period(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31))))
                .orElseThrow();

        assertThat(firstQuarter).isEmpty();
        assertThat(year.participation().participants())
                .as("the enrolment of March, before Dorotea accepted, is not the federation's")
                .isEqualTo(1);
    }

    @Test
    void aCorrectionMarksItsMonthAndEveryLaterOneForResubmission() {
        String storuman = tenant("storuman");
        Person anna = Person.of(storuman);
        Enrolment enrolment = Enrolment.of(anna, storuman, programme);
        Event marchFirst = enrolment.timeStatement("2021-03-31T18:00:00Z", "IN_PROGRESS", "2021-03", "10", "6", 1);
        apply(
                anna.described(),
                enrolment.requested("2021-02-01T08:00:00Z"),
                enrolment.started("2021-02-03T08:00:00Z"),
                enrolment.timeStatement("2021-02-28T18:00:00Z", "IN_PROGRESS", "2021-02", "4", "4", 1),
                marchFirst,
                enrolment.timeStatement("2021-04-30T18:00:00Z", "IN_PROGRESS", "2021-04", "7", "0", 1),
                enrolment.timeStatement("2021-05-05T18:00:00Z", "IN_PROGRESS", "2021-03", "12", "8", 2),
                marchFirst.republished());

        MonthlyReport february = monthly(storuman, "2021-02");
        MonthlyReport march = monthly(storuman, "2021-03");
        MonthlyReport april = monthly(storuman, "2021-04");

        assertThat(february.resubmission()).isFalse();
        assertThat(march.resubmission()).isTrue();
        assertThat(march.correctedMonths()).containsExactly(YearMonth.of(2021, 3));
        assertThat(april.resubmission()).isTrue();
        assertThat(march.hours()).singleElement().satisfies(line -> {
            assertThat(line.hours()).isEqualByComparingTo("12");
            assertThat(line.paidHours()).isEqualByComparingTo("8");
        });
        assertThat(followUpIn(storuman).participation().hours()).isEqualByComparingTo(new BigDecimal("23"));
    }

    private void startedOn(String organisation, String at) {
        Person person = Person.of(organisation);
        Enrolment enrolment = Enrolment.of(person, "akademi-norr", programme);
        apply(person.described(), enrolment.requested(at), enrolment.started(at));
    }

    private FollowUp followUpIn(String tenant) {
        return in(tenant, () -> reports.followUp(new Reports.Selection(null, programme, null, null), null));
    }

    private FollowUp federationView(String federation, Period period) {
        List<String> members =
                in(federation, () -> reports.membersOf(federation, period)).orElseThrow();
        return in(
                federation,
                members.toArray(String[]::new),
                () -> reports.followUp(new Reports.Selection(null, programme, period, federation), null));
    }

    private MonthlyReport monthly(String tenant, String month) {
        return in(tenant, () -> reports.monthly(programme, YearMonth.parse(month), null));
    }

    private static Map<String, Long> breakdown(FollowUp followUp, Dimension dimension) {
        return followUp.breakdowns().stream()
                .filter(breakdown -> breakdown.dimension() == dimension)
                .findFirst()
                .orElseThrow()
                .counts()
                .entrySet()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> entryValue(entry.getValue())));
    }

    private static long entryValue(ShownCount count) {
        return count.value();
    }

    /** Every row of the service's tables, as the owner sees them, whose text holds the id. */
    private List<String> rowsMentioning(UUID id) {
        JdbcTemplate owner = new JdbcTemplate(database.ownerDataSource());
        List<String> tables = owner.queryForList(
                "select table_schema || '.' || table_name from information_schema.tables"
                        + " where table_schema in ('public', 'samlyft') and table_type = 'BASE TABLE'",
                String.class);
        return tables.stream()
                .flatMap(table -> owner
                        .queryForList(
                                "select t::text from " + table + " t where t::text like ?",
                                String.class,
                                "%" + id + "%")
                        .stream()
                        .map(row -> table + ": " + row))
                .toList();
    }
}
