package se.samlyft.integration.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import se.samlyft.platform.problem.InvalidInput;

class SecretsTest {

    @Test
    void aGeneratedSecretIsThirtyTwoRandomBytesInTheStandardForm() {
        SigningSecret secret = SigningSecret.generate();

        assertThat(secret.serialised()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.serialised().substring(6))).hasSize(32);
        assertThat(SigningSecret.generate()).isNotEqualTo(secret);
        assertThat(secret.toString()).doesNotContain(secret.serialised().substring(6));
    }

    @Test
    void refusesAChosenSecretThatIsNotTwentyFourToSixtyFourBytesInTheStandardForm() {
        String short16 = "whsec_" + Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SigningSecret.parse(short16, "secret")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> SigningSecret.parse("hemligt-lösenord", "secret"))
                .hasMessageContaining("whsec_");
        assertThatThrownBy(() -> SigningSecret.parse("whsec_***", "secret")).isInstanceOf(InvalidInput.class);
        assertThat(SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "secret")
                        .key())
                .hasSize(24);
    }

    @Test
    void storesASecretEncryptedAndOnlyItsOwnKeyOpensIt() {
        SigningSecret secret = SigningSecret.generate();
        SecretCipher cipher = new SecretCipher("nyckel-som-bara-tjänsten-har");

        byte[] stored = cipher.encrypt(secret);

        assertThat(cipher.decrypt(stored)).isEqualTo(secret);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(secret.key(), java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(cipher.encrypt(secret)).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThatThrownBy(() -> new SecretCipher("en-annan-nyckel-helt-och-hållet").decrypt(stored))
                .hasMessageContaining("secret-key");
    }
}
