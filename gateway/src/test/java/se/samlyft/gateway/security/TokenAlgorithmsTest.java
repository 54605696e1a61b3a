package se.samlyft.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/** The gateway refuses to start with a token algorithm that is not an asymmetric signature. */
class TokenAlgorithmsTest {

    @Test
    void acceptsAsymmetricSignatureAlgorithms() {
        assertThat(GatewaySecurity.asymmetric(List.of("RS256", "PS256", "ES256")))
                .containsExactly(SignatureAlgorithm.RS256, SignatureAlgorithm.PS256, SignatureAlgorithm.ES256);
    }

    @Test
    void refusesASharedSecretAlgorithmNoneOrNothing() {
        assertThatIllegalStateException()
                .isThrownBy(() -> GatewaySecurity.asymmetric(List.of("RS256", "HS256")))
                .withMessageContaining("HS256");
        assertThatIllegalStateException()
                .isThrownBy(() -> GatewaySecurity.asymmetric(List.of("none")))
                .withMessageContaining("none");
        assertThatIllegalStateException().isThrownBy(() -> GatewaySecurity.asymmetric(List.of()));
    }
}
