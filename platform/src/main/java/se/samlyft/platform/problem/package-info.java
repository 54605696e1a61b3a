/**
 * Refusals that domain and application code throw without knowing HTTP or Spring, and that every Samlyft service
 * answers as an RFC 9457 problem: {@link se.samlyft.platform.problem.NotFound} (404, also for an object of another
 * tenant, so that its existence is not leaked), {@link se.samlyft.platform.problem.Conflict} (409),
 * {@link se.samlyft.platform.problem.InvalidInput} (400, naming the field),
 * {@link se.samlyft.platform.problem.PreconditionFailed} (412) and
 * {@link se.samlyft.platform.problem.PreconditionRequired} (428). {@link se.samlyft.platform.problem.ETags} turns an
 * aggregate's integer version into a strong ETag and checks {@code If-Match} against it. Nothing in this package
 * imports a framework, so domain packages may use it; the mapping to HTTP lives in
 * {@code se.samlyft.platform.problem.web}.
 */
@NullMarked
package se.samlyft.platform.problem;

import org.jspecify.annotations.NullMarked;
