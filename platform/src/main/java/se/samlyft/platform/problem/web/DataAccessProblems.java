package se.samlyft.platform.problem.web;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;

/**
 * The database refusals that are the client's to resolve: a duplicate of a unique value (409), and a version that
 * another request changed in the meantime (412 when the request named its version in {@code If-Match}, else 409).
 * Used only where Spring's data access classes are present.
 */
final class DataAccessProblems {

    private DataAccessProblems() {}

    static @Nullable ProblemDetail problemOf(Throwable failure, boolean namedItsVersion) {
        return switch (failure) {
            case DuplicateKeyException duplicate ->
                ProblemResponses.problem(409, "This conflicts with an object that exists already.");
            case OptimisticLockingFailureException changed
            when namedItsVersion ->
                ProblemResponses.problem(
                        412, "The object was changed by another request meanwhile; read it again and retry.");
            case OptimisticLockingFailureException changed ->
                ProblemResponses.problem(
                        409, "The object was changed by another request meanwhile; read it again and retry.");
            default -> null;
        };
    }
}
