package se.samlyft.enrolment.offering;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samlyft.platform.tenancy.TenantId;

/**
 * The local copy of a published course: what decides how an enrolment on it completes. A self-paced course with a
 * known number of modules completes when every module is done; any other (including a self-paced course whose
 * producer sent no {@code moduleCount}) completes when a coordinator records attendance or completion.
 *
 * @param format how it is taught; null when the catalog's event did not say
 * @param moduleCount how many modules it has; null when the catalog's event did not say
 */
public record Course(
        UUID id,
        TenantId owner,
        @Nullable CourseFormat format,
        @Nullable Integer moduleCount,
        long version) {

    /** An unknown course, as an enrolment sees it before the catalog's course event has arrived. */
    public static Course unknown(UUID id, TenantId owner) {
        return new Course(id, owner, null, null, 1);
    }

    /** Whether completion follows from the modules done: a self-paced course with a known number of modules. */
    public boolean completesByModules() {
        return format != null && format.selfPaced() && moduleCount != null && moduleCount > 0;
    }

    public Optional<Integer> modules() {
        return Optional.ofNullable(moduleCount).filter(count -> count > 0);
    }
}
