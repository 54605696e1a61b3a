package se.samlyft.identity.person;

import org.jspecify.annotations.Nullable;

/**
 * Whether a person can log in as identity describes them: {@link State#PENDING} until Keycloak has the person's last
 * change, {@link State#ACTIVE} once it has, {@link State#FAILED} when Keycloak refused the person's user, with
 * Keycloak's reason. A change of the person makes it pending again.
 *
 * @param reason why Keycloak refused; only for a failed login
 */
public record Login(State state, @Nullable String reason) {

    /** Where a person's login stands. */
    public enum State {
        PENDING,
        ACTIVE,
        FAILED
    }

    private static final int LONGEST_REASON = 1000;

    public Login {
        if ((state == State.FAILED) != (reason != null)) {
            throw new IllegalArgumentException("A failed login, and only a failed one, has a reason");
        }
        if (reason != null) {
            reason = reason.isBlank() ? "Keycloak gave no reason" : reason.strip();
            if (reason.length() > LONGEST_REASON) {
                reason = reason.substring(0, LONGEST_REASON);
            }
        }
    }

    public static Login pending() {
        return new Login(State.PENDING, null);
    }

    public static Login active() {
        return new Login(State.ACTIVE, null);
    }

    public static Login failed(String reason) {
        return new Login(State.FAILED, reason);
    }
}
