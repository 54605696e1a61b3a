package se.samlyft.identity.person.persistence;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys of the personal identity numbers ({@code samlyft.identity.*}): the current key, which encrypts, and its
 * id, which every ciphertext carries; and the previous keys by id, which still decrypt what was encrypted under them
 * until {@code POST /actuator/personalnumbers} has encrypted everything under the current key again.
 *
 * @param personalNumberKey the current AES-256 key, base64 (32 bytes)
 * @param personalNumberKeyId the current key's id, 1 to 32 letters, digits, dots, dashes or underscores
 * @param personalNumberPreviousKeys earlier keys (base64) by their ids
 */
@ConfigurationProperties("samlyft.identity")
public record PersonalNumberKeys(
        String personalNumberKey,
        @DefaultValue("1") String personalNumberKeyId,
        @DefaultValue Map<String, String> personalNumberPreviousKeys) {

    public PersonalNumberKeys {
        if (!personalNumberKeyId.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException("samlyft.identity.personal-number-key-id is 1 to 32 letters, digits,"
                    + " dots, dashes or underscores, not " + personalNumberKeyId);
        }
        personalNumberPreviousKeys = Map.copyOf(personalNumberPreviousKeys);
        if (personalNumberPreviousKeys.containsKey(personalNumberKeyId)) {
            throw new IllegalArgumentException(
                    "samlyft.identity.personal-number-previous-keys names the current key id " + personalNumberKeyId);
        }
    }

    /** The key with this id, current or previous, base64; null if there is none. */
    @Nullable
    String key(String id) {
        return id.equals(personalNumberKeyId) ? personalNumberKey : personalNumberPreviousKeys.get(id);
    }
}
