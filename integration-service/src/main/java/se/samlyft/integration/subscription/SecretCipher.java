package se.samlyft.integration.subscription;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts signing secrets at rest with AES-256-GCM, under a key derived (SHA-256) from the service's configured
 * {@code samlyft.integration.secret-key}: a copy of the database alone does not give away the secrets receivers trust.
 * Each secret gets a random 12-byte nonce, stored in front of its ciphertext.
 */
public final class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public SecretCipher(String configuredKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(configuredKey.getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(digest, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public byte[] encrypt(SigningSecret secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.key());
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a signing secret", e);
        }
    }

    /**
     * The secret sealed by {@link #encrypt}.
     *
     * @throws IllegalStateException if it was sealed under another key or changed since
     */
    public SigningSecret decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return SigningSecret.ofKey(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "A signing secret cannot be decrypted: was samlyft.integration.secret-key changed?", e);
        }
    }
}
