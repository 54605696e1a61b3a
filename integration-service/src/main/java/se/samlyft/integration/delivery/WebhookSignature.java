package se.samlyft.integration.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import se.samlyft.integration.subscription.SigningSecret;

/**
 * The {@code webhook-signature} of Standard Webhooks 1.0: for each secret, {@code v1,} and the base64 of
 * HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>} with the secret's bytes as key; several signatures
 * (one per secret that signs, during a rotation) are separated by spaces.
 */
public final class WebhookSignature {

    private WebhookSignature() {}

    /** The header value: one {@code v1,<base64>} per secret, in the order given. */
    public static String of(String webhookId, long timestamp, String body, List<SigningSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("A webhook is signed with at least one secret");
        }
        return secrets.stream()
                .map(secret -> "v1," + sign(webhookId, timestamp, body, secret))
                .collect(Collectors.joining(" "));
    }

    /** One signature, without its {@code v1,}. */
    static String sign(String webhookId, long timestamp, String body, SigningSecret secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            byte[] signed = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
