package se.samlyft.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A {@link JwtDecoder} that remembers the tokens its delegate accepted, so that a caller's next requests with the same
 * token skip parsing and the signature check: a token is looked up by its whole compact form (any change of a byte is
 * another token, checked in full), kept for at most {@code keepFor}, and checked again on every use by the same
 * validators as the delegate's (expiry and not-before, issuer, audience). Refused tokens are never kept. At most
 * {@code capacity} tokens are kept; when full, it forgets them all and starts again.
 */
final class CheckedTokens implements JwtDecoder {

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final Duration keepFor;
    private final Clock clock;
    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    CheckedTokens(
            JwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, int capacity, Duration keepFor, Clock clock) {
        this.delegate = delegate;
        this.validator = validator;
        this.capacity = capacity;
        this.keepFor = keepFor;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Kept known = kept.get(token);
        if (known != null && now.isBefore(known.until())) {
            OAuth2TokenValidatorResult result = validator.validate(known.jwt());
            if (result.hasErrors()) {
                kept.remove(token);
                throw new JwtValidationException("The token is no longer valid", result.getErrors());
            }
            return known.jwt();
        }
        if (known != null) {
            kept.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt == null) {
            throw new BadJwtException("The token could not be decoded");
        }
        Instant until = now.plus(keepFor);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (size.incrementAndGet() > capacity) {
            kept.clear();
            size.set(1);
        }
        kept.put(token, new Kept(jwt, until));
        return jwt;
    }

    /** Tokens kept now; for tests. */
    int size() {
        return kept.size();
    }

    private record Kept(Jwt jwt, Instant until) {}
}
