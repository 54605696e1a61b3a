package se.samlyft.identity.person.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import se.samlyft.identity.person.PersonalIdentityNumber;

/**
 * Encrypts personal identity numbers for their column with AES-256-GCM. A ciphertext names the key it was sealed
 * with: the format byte 1, the length of the key id, the key id (ASCII), a random 12-byte nonce, then the ciphertext
 * with its 16-byte tag. The person's id is the associated data, so a ciphertext copied to another row does not
 * decrypt. New ciphertexts use the current key ({@link PersonalNumberKeys}); the previous keys still decrypt. The
 * default key in application.yml is for development only (the production profile refuses it).
 */
@Component
@EnableConfigurationProperties(PersonalNumberKeys.class)
class PersonalNumberCipher {

    static final byte FORMAT = 1;

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    PersonalNumberCipher(PersonalNumberKeys settings) {
        this.currentKeyId = settings.personalNumberKeyId();
        keys.put(currentKeyId, key(settings.personalNumberKey(), "samlyft.identity.personal-number-key"));
        settings.personalNumberPreviousKeys()
                .forEach((id, base64) ->
                        keys.put(id, key(base64, "samlyft.identity.personal-number-previous-keys." + id)));
    }

    private static SecretKeySpec key(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(setting + " is not base64", notBase64);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes in base64");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The id of the key that new ciphertexts are sealed with. */
    String currentKeyId() {
        return currentKeyId;
    }

    byte[] encrypt(PersonalIdentityNumber number, UUID personId) {
        byte[] keyId = currentKeyId.getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(personId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(number.digits().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(2 + keyId.length + nonce.length + sealed.length)
                    .put(FORMAT)
                    .put((byte) keyId.length)
                    .put(keyId)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a personal identity number", e);
        }
    }

    PersonalIdentityNumber decrypt(byte[] stored, UUID personId) {
        String keyId = keyIdOf(stored);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("A personal identity number is sealed with key " + keyId
                    + ", which is neither samlyft.identity.personal-number-key-id nor one of"
                    + " samlyft.identity.personal-number-previous-keys");
        }
        int start = 2 + keyId.length();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, start, NONCE_BYTES));
            cipher.updateAAD(personId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(stored, start + NONCE_BYTES, stored.length - start - NONCE_BYTES);
            return PersonalIdentityNumber.restore(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a personal identity number (wrong key?)", e);
        }
    }

    /** The id of the key a ciphertext was sealed with. */
    static String keyIdOf(byte[] stored) {
        if (stored.length < 2 || stored[0] != FORMAT || stored.length < 2 + stored[1]) {
            throw new IllegalStateException("A personal identity number's ciphertext is not in format " + FORMAT);
        }
        return new String(stored, 2, stored[1], StandardCharsets.US_ASCII);
    }
}
