package se.samlyft.enrolment.enrolment;

import org.jspecify.annotations.Nullable;
import se.samlyft.enrolment.offering.Course;
import se.samlyft.platform.problem.InvalidInput;

/**
 * How far the person is through the course: modules done, where to resume, and the highest milestone (0, 25, 50, 75,
 * 100 per cent of the modules) reached.
 */
public record Progress(int modulesCompleted, @Nullable String resumeAt, int milestone) {

    static final Progress NONE = new Progress(0, null, 0);

    private static final int[] MILESTONES = {25, 50, 75, 100};

    /** The progress with {@code modulesCompleted} done, never fewer than before nor more than the course's count. */
    Progress advancedTo(int modules, @Nullable String resume, @Nullable Integer count) {
        if (modules < 0) {
            throw new InvalidInput("modulesCompleted", "must not be negative");
        }
        if (modules < modulesCompleted) {
            throw new InvalidInput(
                    "modulesCompleted", "must not be fewer than the " + modulesCompleted + " already done");
        }
        if (count != null && modules > count) {
            throw new InvalidInput("modulesCompleted", "must not exceed the course's " + count + " modules");
        }
        if (resume != null && resume.length() > 200) {
            throw new InvalidInput("resumeAt", "must be at most 200 characters");
        }
        return new Progress(modules, resume, milestone);
    }

    /** The next milestone passed for the first time at {@code percent}, if any. */
    @Nullable
    Integer nextMilestone(int percent) {
        for (int next : MILESTONES) {
            if (percent >= next && milestone < next) {
                return next;
            }
        }
        return null;
    }

    /** The whole-number percentage of the course's modules done, when the course says how many it has. */
    public @Nullable Integer percentOf(Course course) {
        return course.modules().map(count -> modulesCompleted * 100 / count).orElse(null);
    }

    Progress reached(int next) {
        return new Progress(modulesCompleted, resumeAt, next);
    }
}
