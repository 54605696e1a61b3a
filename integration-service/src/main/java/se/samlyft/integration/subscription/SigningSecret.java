package se.samlyft.integration.subscription;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import se.samlyft.platform.problem.InvalidInput;

/**
 * A subscription's signing secret as Standard Webhooks has it: 24 to 64 random bytes, shown to its owner as
 * {@code whsec_} and the bytes in base64. The HMAC-SHA256 key is the bytes.
 */
public final class SigningSecret {

    public static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    private static final int GENERATED_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private SigningSecret(byte[] key) {
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("A signing secret has " + MIN_BYTES + " to " + MAX_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** A new random secret of 32 bytes. */
    public static SigningSecret generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return new SigningSecret(key);
    }

    /** The secret of the bytes given, as stored. */
    public static SigningSecret ofKey(byte[] key) {
        return new SigningSecret(key);
    }

    /**
     * The secret a client chose, in its serialised form {@code whsec_<base64>}.
     *
     * @throws InvalidInput naming {@code field} if it is not of that form or not 24 to 64 bytes
     */
    public static SigningSecret parse(String serialised, String field) {
        if (!serialised.startsWith(PREFIX)) {
            throw new InvalidInput(field, "must start with " + PREFIX + ", followed by the secret in base64");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(serialised.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidInput(field, "must be " + PREFIX + " followed by the secret in base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new InvalidInput(field, "must hold " + MIN_BYTES + " to " + MAX_BYTES + " random bytes");
        }
        return new SigningSecret(key);
    }

    /** The HMAC key. */
    public byte[] key() {
        return key.clone();
    }

    /** The form the owner is shown once and configures their receiver with: {@code whsec_<base64>}. */
    public String serialised() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningSecret secret && Arrays.equals(key, secret.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Never the secret itself, so that it does not end up in a log. */
    @Override
    public String toString() {
        return PREFIX + "…";
    }
}
