package se.samlyft.identity.provisioning;

import java.time.Duration;
import se.samlyft.platform.tenancy.TenantId;

/**
 * One pending piece of provisioning: bring {@code subject} (a tenant id or a person id) of {@code organisation} into
 * step with Keycloak. The task holds no personal data; the worker reads the current state when it runs, so a task is
 * idempotent and a newer change of the same subject only raises the {@code generation}.
 */
public record ProvisioningTask(
        long id, TaskKind kind, String subject, TenantId organisation, long generation, int attempts) {

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    /** How long to wait before the next attempt after {@code attempts} failures: 1 s, 2 s, 4 s, ... at most 5 min. */
    public static Duration backoff(int attempts) {
        if (attempts >= 9) {
            return LONGEST_WAIT;
        }
        Duration wait = Duration.ofSeconds(1L << Math.max(0, attempts - 1));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
