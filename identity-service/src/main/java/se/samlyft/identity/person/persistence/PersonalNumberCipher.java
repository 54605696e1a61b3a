package se.samlyft.identity.person.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.samlyft.identity.person.PersonalIdentityNumber;

/**
 * Encrypts personal identity numbers for their column with AES-256-GCM: a random 12-byte nonce, then the ciphertext
 * with its 16-byte tag. The person's id is the associated data, so a ciphertext copied to another row does not
 * decrypt. The key is {@code samlyft.identity.personal-number-key} (base64, 32 bytes); the default in
 * application.yml is for development only.
 */
@Component
class PersonalNumberCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    PersonalNumberCipher(@Value("${samlyft.identity.personal-number-key}") String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("samlyft.identity.personal-number-key must be 32 bytes in base64");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    byte[] encrypt(PersonalIdentityNumber number, java.util.UUID personId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(personId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(number.digits().getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a personal identity number", e);
        }
    }

    PersonalIdentityNumber decrypt(byte[] stored, java.util.UUID personId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(personId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return PersonalIdentityNumber.restore(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a personal identity number (wrong key?)", e);
        }
    }
}
