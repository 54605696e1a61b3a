package se.samlyft.bench.enrolments;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.enrolment.EnrolmentState;
import se.samlyft.enrolment.enrolment.RequestedBy;
import se.samlyft.enrolment.enrolment.TimeStatement;
import se.samlyft.enrolment.enrolment.application.ReplayingHistory;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.enrolment.offering.Offering;
import se.samlyft.enrolment.person.Person;
import se.samlyft.platform.problem.InvalidInput;
import se.samlyft.platform.problem.ProblemException;

/**
 * The history of one offering, played in time order through {@link ReplayingHistory}, in the one transaction that
 * holds its seats:
 * coordinators request seats for people of the audience while enrolment is open, managers approve or decline held
 * seats, some withdraw before the start (their seats going to the people waiting), the unused quotas are released as
 * the service's sweep releases them, and then people start, make progress, pause and resume, complete, confirm their
 * hours month by month and evaluate the course; a few do not show up or give up half-way. Every move is a move of the
 * replay, through the aggregate's rules and stored with its events, at the instant it happened; moves after
 * {@code until} are left undone, as the future.
 *
 * <p>Everything random comes from a generator seeded by the seed and the offering's id, so the same seed gives the
 * same history whatever the threads.
 */
final class OfferingHistory {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private static final String[] DECLINE_REASONS = {
        "Bemanningen räcker inte under kursperioden.",
        "Kursen passar inte i arbetsplanen den här terminen.",
        "Introduktionen av nyanställda går före just nu.",
        "Samma kurs går igen i höst; vänta till dess.",
        "Utbildningen ingår inte i din kompetensplan."
    };

    private static final String[] COMMENTS = {
        "Mycket användbart i mitt dagliga arbete med brukarna.",
        "Bra upplägg, men för mycket teori och för lite övningar.",
        "Jag har lärt mig nya sätt att bemöta personer med demenssjukdom.",
        "Svårt att hinna med under arbetstid, men innehållet var värdefullt.",
        "Engagerad och kunnig kursledare. Tack!",
        "Delar av kursen kände jag redan till från undersköterskeutbildningen.",
        "Önskar fler exempel från hemtjänsten, inte bara från särskilt boende.",
        "Bra att kunna göra modulerna i egen takt på kvällarna.",
        "Diskussionerna med kollegor från andra kommuner gav mest.",
        "Läkemedelsdelen borde vara längre."
    };

    private final Offering offering;
    private final Course course;
    private final Instant until;
    private final SplittableRandom random;
    private final List<Participant> participants = new ArrayList<>();
    private final PriorityQueue<Step> steps = new PriorityQueue<>();
    private long sequence;

    /** What the history did. */
    static final class Tally {
        final Map<EnrolmentState, Long> states = new EnumMap<>(EnrolmentState.class);
        long enrolments;
        long timeStatements;
        long corrections;
        long evaluations;
        long refusedMoves;

        void add(Tally other) {
            other.states.forEach((state, count) -> states.merge(state, count, Long::sum));
            enrolments += other.enrolments;
            timeStatements += other.timeStatements;
            corrections += other.corrections;
            evaluations += other.evaluations;
            refusedMoves += other.refusedMoves;
        }
    }

    /**
     * @param people the people who will request a seat, distinct, each of the offering's audience
     * @param from when the history begins: no request before it
     * @param until when it ends: no move after it
     */
    OfferingHistory(Offering offering, Course course, List<Person> people, long seed, Instant from, Instant until) {
        this.offering = offering;
        this.course = course;
        this.until = until;
        this.random = new SplittableRandom(seed
                ^ offering.id().getMostSignificantBits()
                ^ Long.rotateLeft(offering.id().getLeastSignificantBits(), 17));
        Instant opens = later(offering.enrolmentOpensAt(), from);
        Instant closes = earlier(offering.enrolmentClosesAt(), until);
        for (Person person : people) {
            Participant participant = new Participant(person, uuid(), new Fate(random));
            participants.add(participant);
            // Most requests come early in the window.
            double share = Math.pow(random.nextDouble(), 1.6);
            schedule(between(opens, closes, share), participant, Kind.REQUEST);
        }
        // As the service's sweep does for every offering: at the release date, else when enrolment closes.
        Instant release = offering.quotaReleaseTime();
        if (!release.isBefore(opens) && !release.isAfter(until)) {
            schedule(release, null, Kind.RELEASE_QUOTAS);
        }
    }

    /** Whether enrolment is open at some time between {@code from} and {@code until}. */
    static boolean playable(Offering offering, Instant from, Instant until) {
        return later(offering.enrolmentOpensAt(), from).isBefore(earlier(offering.enrolmentClosesAt(), until))
                && !offering.cancelled();
    }

    /** Plays the history in the offering's replay; a move the domain refuses is counted and left out. */
    Tally play(ReplayingHistory.Replay replay) {
        Tally tally = new Tally();
        Play play = new Play(replay, tally);
        while (!steps.isEmpty()) {
            Step step = steps.poll();
            if (step.at().isAfter(until)) {
                break;
            }
            try {
                play.step(step);
            } catch (ProblemException | InvalidInput refused) {
                tally.refusedMoves++;
            }
            Participant participant = step.participant();
            if (step.kind().chained() && participant != null) {
                next(participant);
            }
        }
        for (Participant participant : participants) {
            EnrolmentState state = replay.state(participant.id);
            if (state != null) {
                tally.enrolments++;
                tally.states.merge(state, 1L, Long::sum);
            }
        }
        return tally;
    }

    /** The moves, as one piece of work on the offering's history. */
    private final class Play {

        private final ReplayingHistory.Replay replay;
        private final Tally tally;

        Play(ReplayingHistory.Replay replay, Tally tally) {
            this.replay = replay;
            this.tally = tally;
        }

        void step(Step step) {
            Instant at = step.at();
            if (step.kind() == Kind.RELEASE_QUOTAS) {
                replay.releaseQuotas(at);
                promoted(at);
                return;
            }
            Participant p = step.participant();
            if (p == null) {
                throw new IllegalStateException("A step of " + step.kind() + " is someone's");
            }
            switch (step.kind()) {
                case REQUEST -> {
                    replay.request(p.id, p.person, RequestedBy.COORDINATOR, at);
                    placed(p, at);
                }
                case DECIDE -> {
                    if (state(p) == EnrolmentState.AWAITING_APPROVAL) {
                        if (p.fate.declined) {
                            replay.decline(p.id, pick(DECLINE_REASONS), at);
                            promoted(at);
                        } else {
                            replay.approve(p.id, at);
                            placed(p, at);
                        }
                    }
                }
                case WITHDRAW -> {
                    EnrolmentState state = state(p);
                    if (state != null && state != EnrolmentState.IN_PROGRESS && EnrolmentState.LIVE.contains(state)) {
                        replay.withdraw(p.id, at);
                        promoted(at);
                    }
                }
                case RELEASE_QUOTAS -> throw new IllegalStateException("The quotas are released above");
                case BEGIN -> {
                    if (state(p) == EnrolmentState.CONFIRMED) {
                        if (p.fate.noShow) {
                            replay.markNoShow(p.id, at);
                        } else {
                            replay.start(p.id, at);
                            planCourse(p, at);
                        }
                    }
                }
                case PROGRESS -> replay.recordProgress(p.id, step.number(), "modul-" + step.number(), course, at);
                case PAUSE -> replay.pause(p.id, at);
                case RESUME -> replay.resume(p.id, at);
                case COMPLETE -> {
                    if (state(p) == EnrolmentState.IN_PROGRESS) {
                        replay.recordCompletion(p.id, course, at);
                    }
                }
                case STATEMENT -> statement(p, step, at);
                case EVALUATE -> {
                    if (state(p) == EnrolmentState.COMPLETED) {
                        String comment = p.fate.comments ? pick(COMMENTS) : null;
                        replay.evaluate(p.id, p.fate.usefulness, comment, at);
                        tally.evaluations++;
                    }
                }
            }
        }

        /** After a request, an approval or a promotion: what the person does next. */
        private void placed(Participant p, Instant at) {
            EnrolmentState state = state(p);
            if (state == EnrolmentState.AWAITING_APPROVAL) {
                Instant heldUntil = replay.holdUntil(p.id);
                Instant hold = heldUntil == null ? at.plus(Duration.ofDays(7)) : heldUntil;
                Duration room = scaled(Duration.between(at, hold), 0.9);
                Duration wait = room.compareTo(Duration.ofDays(5)) > 0 ? Duration.ofDays(5) : room;
                schedule(at.plus(scaled(wait, 0.05 + 0.95 * random.nextDouble())), p, Kind.DECIDE);
            } else if (state == EnrolmentState.CONFIRMED) {
                Instant begin = later(offering.startsAt(), at).plus(hours(random.nextDouble() * 72));
                schedule(begin, p, Kind.BEGIN);
            }
            if (p.fate.withdraws && !p.withdrawalPlanned && state != null && EnrolmentState.LIVE.contains(state)) {
                Duration before = Duration.between(at, offering.startsAt());
                if (before.compareTo(Duration.ofDays(2)) > 0) {
                    p.withdrawalPlanned = true;
                    schedule(at.plus(scaled(before, 0.1 + 0.8 * random.nextDouble())), p, Kind.WITHDRAW);
                }
            }
        }

        /** A seat was released: whoever it went to, from the waiting list, goes on from there. */
        private void promoted(Instant at) {
            Set<UUID> waiting = replay.waiting();
            for (Participant p : participants) {
                if (state(p) == EnrolmentState.WAITLISTED && !waiting.contains(p.id)) {
                    replay.reload(p.id);
                    placed(p, at);
                }
            }
        }

        private void statement(Participant p, Step step, Instant at) {
            EnrolmentState state = state(p);
            if (state != EnrolmentState.IN_PROGRESS && state != EnrolmentState.COMPLETED) {
                return;
            }
            YearMonth month = step.month();
            BigDecimal hours = halfHours(1 + random.nextInt(36));
            BigDecimal paid = offering.paidWorkingTime()
                    ? halfHours((int) Math.round(hours.doubleValue() * 2 * (0.4 + 0.6 * random.nextDouble())))
                    : BigDecimal.ZERO;
            @Nullable TimeStatement previous = p.statements.get(month);
            if (previous != null && previous.hours().compareTo(hours) == 0) {
                hours = hours.add(BigDecimal.ONE);
            }
            TimeStatement confirmed = replay.confirmTimeStatement(
                    p.id,
                    month,
                    hours,
                    paid,
                    previous,
                    YearMonth.from(offering.startsAt().atZone(SWEDEN)),
                    YearMonth.from(at.atZone(SWEDEN)),
                    at);
            p.statements.put(month, confirmed);
            tally.timeStatements++;
            if (previous != null) {
                tally.corrections++;
            }
        }

        private @Nullable EnrolmentState state(Participant p) {
            return replay.state(p.id);
        }
    }

    /**
     * The course as {@code p} takes it from {@code started}: progress through the modules (a self-paced course with
     * known modules completes by the last one), perhaps a pause, attendance or completion recorded by a coordinator
     * for any other course, the hours of each month, and the evaluation. A few give up half-way.
     */
    private void planCourse(Participant p, Instant started) {
        Duration length = Duration.between(offering.startsAt(), offering.endsAt());
        if (length.compareTo(Duration.ofDays(1)) < 0) {
            length = Duration.ofDays(1);
        }
        Instant finish = started.plus(scaled(length, 0.6 + 0.6 * random.nextDouble()));
        List<Step> plan = new ArrayList<>();
        Integer modules = course.modules().orElse(null);
        boolean byModules = course.completesByModules();
        Instant last = finish;
        if (modules != null) {
            int done = p.fate.abandons ? Math.max(1, (int) (modules * (0.2 + 0.6 * random.nextDouble()))) : modules;
            if (!byModules && !p.fate.abandons) {
                done = Math.max(1, (int) Math.ceil(modules * (0.5 + 0.5 * random.nextDouble())));
                done = Math.min(done, modules);
            }
            List<Instant> times = new ArrayList<>();
            for (int module = 1; module <= done; module++) {
                times.add(between(started, finish, (double) module / (modules + 0.5)));
            }
            int pauseAfter = p.fate.pauses && done > 1 ? 1 + random.nextInt(done - 1) : -1;
            Duration shift = Duration.ZERO;
            for (int module = 1; module <= done; module++) {
                Instant at = times.get(module - 1).plus(shift);
                plan.add(new Step(at, 0, p, Kind.PROGRESS, module, null));
                if (module == pauseAfter) {
                    Instant pause = at.plus(hours(1 + random.nextDouble() * 24));
                    Duration away = hours(24 * (3 + random.nextDouble() * 25));
                    plan.add(new Step(pause, 0, p, Kind.PAUSE, 0, null));
                    plan.add(new Step(pause.plus(away), 0, p, Kind.RESUME, 0, null));
                    shift = shift.plus(away).plus(hours(25));
                }
            }
            last = plan.getLast().at();
        } else if (p.fate.pauses) {
            Instant pause = between(started, finish, 0.3 + 0.3 * random.nextDouble());
            plan.add(new Step(pause, 0, p, Kind.PAUSE, 0, null));
            Instant resume = pause.plus(hours(24 * (2 + random.nextDouble() * 12)));
            plan.add(new Step(resume, 0, p, Kind.RESUME, 0, null));
            last = later(last, resume.plus(hours(1)));
        }
        Instant completed = null;
        if (!p.fate.abandons) {
            if (byModules) {
                completed = last;
            } else {
                completed = later(last.plus(hours(1)), later(offering.endsAt(), started.plus(hours(1))))
                        .plus(hours(random.nextDouble() * 48));
                plan.add(new Step(completed, 0, p, Kind.COMPLETE, 0, null));
            }
        }
        Instant end = completed == null ? last : completed;
        YearMonth first = YearMonth.from(started.atZone(SWEDEN));
        YearMonth final_ = YearMonth.from(end.atZone(SWEDEN));
        for (YearMonth month = first; !month.isAfter(final_); month = month.plusMonths(1)) {
            Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(SWEDEN).toInstant();
            Instant at = monthEnd.minus(hours(2 + random.nextDouble() * 46));
            if (month.equals(final_)) {
                at = end.plus(hours(1 + random.nextDouble() * 24));
            }
            at = later(at, started.plus(Duration.ofMinutes(1)));
            plan.add(new Step(at, 0, p, Kind.STATEMENT, 0, month));
            if (p.fate.corrects && month.equals(first)) {
                plan.add(new Step(at.plus(hours(24 * (1 + random.nextDouble() * 5))), 0, p, Kind.STATEMENT, 0, month));
            }
        }
        if (completed != null && p.fate.evaluates) {
            plan.add(new Step(end.plus(hours(2 + random.nextDouble() * 24 * 10)), 0, p, Kind.EVALUATE, 0, null));
        }
        plan.sort(null);
        p.plan.addAll(plan);
        next(p);
    }

    /** Schedules the next planned step of {@code p}'s course. */
    private void next(Participant p) {
        Step planned = p.plan.poll();
        if (planned != null) {
            steps.add(new Step(millis(planned.at()), sequence++, p, planned.kind(), planned.number(), planned.month()));
        }
    }

    private void schedule(Instant at, @Nullable Participant p, Kind kind) {
        steps.add(new Step(millis(at), sequence++, p, kind, 0, null));
    }

    private UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private String pick(String[] texts) {
        return texts[random.nextInt(texts.length)];
    }

    private static BigDecimal halfHours(int halves) {
        return BigDecimal.valueOf(halves)
                .divide(BigDecimal.TWO)
                .stripTrailingZeros()
                .setScale(1);
    }

    private static Duration hours(double hours) {
        return Duration.ofSeconds((long) (hours * 3600));
    }

    private static Duration scaled(Duration duration, double factor) {
        return Duration.ofMillis((long) (duration.toMillis() * factor));
    }

    private static Instant between(Instant from, Instant to, double share) {
        return from.plusMillis((long) (Duration.between(from, to).toMillis() * share));
    }

    private static Instant millis(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** What becomes of one person's request, drawn when it is planned. */
    private static final class Fate {
        final boolean declined;
        final boolean withdraws;
        final boolean noShow;
        final boolean abandons;
        final boolean pauses;
        final boolean corrects;
        final boolean evaluates;
        final boolean comments;
        final int usefulness;

        Fate(SplittableRandom random) {
            declined = random.nextDouble() < 0.10;
            withdraws = random.nextDouble() < 0.07;
            noShow = random.nextDouble() < 0.04;
            abandons = random.nextDouble() < 0.08;
            pauses = random.nextDouble() < 0.20;
            corrects = random.nextDouble() < 0.04;
            evaluates = random.nextDouble() < 0.80;
            comments = random.nextDouble() < 0.30;
            double rating = random.nextDouble();
            usefulness = rating < 0.03 ? 1 : rating < 0.10 ? 2 : rating < 0.30 ? 3 : rating < 0.68 ? 4 : 5;
        }
    }

    /** One person's part in the history. */
    private static final class Participant {
        final Person person;
        final UUID id;
        final Fate fate;
        final Deque<Step> plan = new ArrayDeque<>();
        final Map<YearMonth, TimeStatement> statements = new HashMap<>();

        boolean withdrawalPlanned;

        Participant(Person person, UUID id, Fate fate) {
            this.person = person;
            this.id = id;
            this.fate = fate;
        }
    }

    private enum Kind {
        REQUEST,
        DECIDE,
        WITHDRAW,
        RELEASE_QUOTAS,
        BEGIN,
        PROGRESS,
        PAUSE,
        RESUME,
        COMPLETE,
        STATEMENT,
        EVALUATE;

        /** Whether the step is part of a course taken, so that the next planned step follows it. */
        boolean chained() {
            return ordinal() >= PROGRESS.ordinal();
        }
    }

    private record Step(
            Instant at,
            long sequence,
            @Nullable Participant participant,
            Kind kind,
            int number,
            @Nullable YearMonth month)
            implements Comparable<Step> {

        @Override
        public int compareTo(Step other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
