package se.samlyft.platform.tenancy;

import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An explicit tenant scope for work that has no request of its own, such as a Kafka listener applying an event of
 * one tenant. Inside {@link #callAs}, the scope given wins over the caller's token.
 */
public final class TenantContext {

    private static final ThreadLocal<TenantScope> EXPLICIT = new ThreadLocal<>();

    private TenantContext() {}

    public static <T> T callAs(TenantScope scope, Supplier<T> work) {
        @Nullable TenantScope previous = EXPLICIT.get();
        EXPLICIT.set(scope);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }

    public static void runAs(TenantScope scope, Runnable work) {
        callAs(scope, () -> {
            work.run();
            return null;
        });
    }

    /** The scope set by an enclosing {@link #callAs}, if any. */
    public static Optional<TenantScope> currentExplicitScope() {
        return Optional.ofNullable(EXPLICIT.get());
    }
}
