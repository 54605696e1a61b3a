package se.samlyft.platform.inbox;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import se.samlyft.platform.problem.Busy;

/**
 * Which failures pass by themselves: the database restarting, refusing connections or out of reach, a lock or
 * statement timeout, a deadlock or serialization failure, a pool with no connection to give, a network error, a
 * {@link Busy} service. A
 * record that meets one is retried until it succeeds, never sent to the dead-letter topic.
 *
 * <p>PostgreSQL's SQLSTATE classes that count: {@code 08} (connection exception), {@code 53} (insufficient resources),
 * {@code 57P} (the server shutting down, starting or refusing connections), {@code 58} (system error), and the
 * codes {@code 40001} (serialization failure), {@code 40P01} (deadlock), {@code 55P03} (lock not available) and
 * {@code 57014} (query cancelled, which is how a statement timeout ends).
 */
public final class TransientFailures {

    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57014");

    private TransientFailures() {}

    /** Whether the failure, or any of its causes, is one that passes by itself. */
    public static boolean isTransient(@Nullable Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isTransientItself(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable failure) {
        return switch (failure) {
            case MalformedEventException malformed -> false;
            case TransientDataAccessException transientAccess -> true;
            case RecoverableDataAccessException recoverable -> true;
            case DataAccessResourceFailureException unreachable -> true;
            case CannotCreateTransactionException noConnection -> true;
            case TransactionTimedOutException timedOut -> true;
            case SQLTransientException transientSql -> true;
            case SQLRecoverableException recoverableSql -> true;
            case SQLException sql -> isTransientState(sql.getSQLState());
            case IOException network -> true;
            case TimeoutException timeout -> true;
            case Busy busy -> true;
            case org.apache.kafka.common.errors.RetriableException kafka -> true;
            default -> false;
        };
    }

    private static boolean isTransientState(@Nullable String state) {
        if (state == null || state.length() != 5) {
            return false;
        }
        return state.startsWith("08")
                || state.startsWith("53")
                || state.startsWith("57P")
                || state.startsWith("58")
                || TRANSIENT_STATES.contains(state);
    }
}
