package se.samlyft.platform.problem.web;

import org.jspecify.annotations.Nullable;

/** Looks through the causes of a failure. */
final class Causes {

    private Causes() {}

    /** {@code failure} or the first of its causes that is a {@code type}, or null. */
    static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
