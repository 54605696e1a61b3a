package se.samlyft.reporting.projection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a person id into the participant pseudonym the read model counts people by: the first 128 bits of an
 * HMAC-SHA256 of the id under a secret key, shaped as a UUID. The same person always gets the same pseudonym, so
 * counts of distinct participants stay right after the person id itself is erased; without the key, a pseudonym
 * cannot be traced back to a person id.
 */
public final class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_KEY_LENGTH = 16;

    private final SecretKeySpec key;

    public Pseudonyms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MINIMUM_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "The pseudonym key has at least " + MINIMUM_KEY_LENGTH + " bytes, not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    public UUID participantOf(UUID personId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            ByteBuffer id = ByteBuffer.allocate(16)
                    .putLong(personId.getMostSignificantBits())
                    .putLong(personId.getLeastSignificantBits());
            ByteBuffer digest = ByteBuffer.wrap(mac.doFinal(id.array()));
            return new UUID(digest.getLong(), digest.getLong());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
