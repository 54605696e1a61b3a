/**
 * RFC 9457 problem details ({@code application/problem+json}) for every error of a Samlyft servlet application,
 * applied by {@link se.samlyft.platform.problem.web.ProblemAutoConfiguration}.
 *
 * <p>Every problem has {@code title} (the standard phrase of its status, as {@code type} is left out and so is
 * {@code about:blank}),
 * {@code status}, {@code detail} (what is wrong, in words for the client, never internals), {@code instance} (the
 * request path) and {@code correlationId} (the request's {@code X-Correlation-Id}, also in every log line of the
 * request). A 400 for invalid input adds {@code errors}: one {@code {"field", "message"}} per broken rule, messages in
 * English whatever {@code Accept-Language} says, for example {@code {"field": "title", "message": "must not be
 * blank"}}.
 *
 * <p>Where each answer comes from: Bean Validation of {@code @Valid} bodies and of constrained parameters, unreadable
 * JSON (with the field when one is to blame), a wrong type of a path or query parameter, and
 * {@link se.samlyft.platform.problem.InvalidInput} give 400; a missing or invalid token 401 and a role that does not
 * allow the request 403 (both from Spring Security, {@code WWW-Authenticate} kept); an unknown path and
 * {@link se.samlyft.platform.problem.NotFound} 404; a wrong method 405 (with {@code Allow}); a wrong content type 415;
 * {@link se.samlyft.platform.problem.Conflict} and a duplicate key 409; a body over {@code samlyft.web.max-request-size}
 * (default 1 MB) 413; {@link se.samlyft.platform.problem.PreconditionFailed} 412 and
 * {@link se.samlyft.platform.problem.PreconditionRequired} 428. Any other exception is a 500 whose detail says only that
 * something went wrong, logged with its stack trace and correlation id. Errors outside Spring MVC (a failing filter, a
 * rejected URL) reach the error page, which answers with a problem too.
 *
 * <p>A service's own {@code @ControllerAdvice} for its own exceptions takes precedence over the platform's handler, which
 * has the lowest.
 */
@NullMarked
package se.samlyft.platform.problem.web;

import org.jspecify.annotations.NullMarked;
