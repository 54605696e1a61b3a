package se.samlyft.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** The gateway's kept tokens: checked in full once, their claims on every use, never a refused one. */
class CheckedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final List<String> decoded = new ArrayList<>();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);

    /** The full check: a forged signature is refused, and so is an expired token, as the gateway's decoder does. */
    private final JwtDecoder delegate = token -> {
        decoded.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("An error occurred while attempting to decode the Jwt: Invalid signature");
        }
        Jwt jwt = Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("arvidsjaur-samordnare")
                .issuedAt(NOW.minusSeconds(10))
                .expiresAt(NOW.plus(Duration.ofMinutes(5)))
                .build();
        var result = timestamps.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("expired", result.getErrors());
        }
        return jwt;
    };

    /** The test's clock as it is set now, for the validator and the cache alike. */
    private final Clock now = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    };

    private CheckedTokens tokens(int capacity) {
        timestamps.setClock(now);
        return new CheckedTokens(delegate, timestamps, capacity, Duration.ofMinutes(10), now);
    }

    @Test
    void aTokenIsCheckedInFullOnceAndThenFoundAgain() {
        CheckedTokens tokens = tokens(100);

        Jwt first = tokens.decode("header.payload.signature");
        Jwt again = tokens.decode("header.payload.signature");
        tokens.decode("header.payload.signaturf");

        assertThat(again).isSameAs(first);
        assertThat(decoded).containsExactly("header.payload.signature", "header.payload.signaturf");
    }

    @Test
    void aKeptTokenIsRefusedOnceItHasExpired() {
        CheckedTokens tokens = tokens(100);
        tokens.decode("header.payload.signature");

        clock = Clock.fixed(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1), ZoneOffset.UTC);

        assertThatThrownBy(() -> tokens.decode("header.payload.signature")).isInstanceOf(JwtValidationException.class);
        assertThat(decoded).containsExactly("header.payload.signature", "header.payload.signature");
    }

    @Test
    void aRefusedTokenIsNeverKept() {
        CheckedTokens tokens = tokens(100);

        assertThatThrownBy(() -> tokens.decode("forged.payload.signature")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged.payload.signature")).isInstanceOf(BadJwtException.class);

        assertThat(decoded).hasSize(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void keepsAtMostItsCapacity() {
        CheckedTokens tokens = tokens(3);

        for (int i = 0; i < 10; i++) {
            tokens.decode("header.payload." + i);
        }

        assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }
}
