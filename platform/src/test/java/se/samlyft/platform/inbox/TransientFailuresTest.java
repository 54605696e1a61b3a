package se.samlyft.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class TransientFailuresTest {

    @Test
    void aDatabaseThatIsAwayOrRestartingIsTransient() {
        assertThat(TransientFailures.isTransient(new CannotCreateTransactionException(
                        "Could not open JDBC Connection",
                        new SQLTransientConnectionException("Connection is not available, request timed out"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new ConnectException("Connection refused")))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new SQLException("FATAL: the database system is starting up", "57P03")))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("An I/O error occurred", "08006")))
                .isTrue();
    }

    @Test
    void aLockOrStatementTimeoutAndADeadlockAreTransient() {
        assertThat(TransientFailures.isTransient(new SQLException("lock timeout", "55P03")))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new SQLException("canceling statement due to statement timeout", "57014")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new CannotAcquireLockException("lock")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new QueryTimeoutException("timeout")))
                .isTrue();
    }

    @Test
    void findsTheTransientCauseInsideTheListenersFailure() {
        assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException(
                        "Listener failed",
                        new IllegalStateException("no connection", new ConnectException("refused")))))
                .isTrue();
    }

    @Test
    void aRuleOrAMalformedEventIsNot() {
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException(
                        "duplicate key", new SQLException("duplicate key value", "23505"))))
                .isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("not a tenant")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new MalformedEventException("no ce_id")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("syntax error", "42601")))
                .isFalse();
        assertThat(TransientFailures.isTransient(null)).isFalse();
    }
}
