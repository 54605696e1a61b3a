package se.samlyft.integration.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.samlyft.integration.subscription.SigningSecret;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks reference libraries' tests: secret, id, timestamp, body and signature. */
    @Test
    void signsTheStandardWebhooksExampleAsTheReferenceLibrariesDo() {
        SigningSecret secret = SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "secret");

        String signature = WebhookSignature.of(
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}", List.of(secret));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsWithEverySecretGivenSeparatedBySpaces() {
        SigningSecret newer = SigningSecret.generate();
        SigningSecret older = SigningSecret.generate();

        String both = WebhookSignature.of("id", 1, "{}", List.of(newer, older));

        assertThat(both.split(" "))
                .containsExactly(
                        WebhookSignature.of("id", 1, "{}", List.of(newer)),
                        WebhookSignature.of("id", 1, "{}", List.of(older)));
        assertThat(WebhookSignature.of("id", 2, "{}", List.of(newer)))
                .as("the timestamp is signed")
                .isNotEqualTo(WebhookSignature.of("id", 1, "{}", List.of(newer)));
    }
}
