package se.samlyft.identity.person.persistence;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * The rotation of the personal identity numbers' key, on identity-service's management port, for the installation's
 * administrators: {@code GET /actuator/personalnumbers} tells the current key id and how many numbers each key has
 * sealed; {@code POST /actuator/personalnumbers} seals every number again with the current key. Once no number is
 * sealed with a previous key, that key can be removed from the settings.
 */
@Component
@Endpoint(id = "personalnumbers")
class PersonalNumberKeysEndpoint {

    private final PersonalNumberRekeying rekeying;
    private final PersonalNumberCipher cipher;

    PersonalNumberKeysEndpoint(PersonalNumberRekeying rekeying, PersonalNumberCipher cipher) {
        this.rekeying = rekeying;
        this.cipher = cipher;
    }

    /** The current key, and how many numbers each key sealed. */
    record Keys(String currentKeyId, Map<String, Long> sealedByKey, int sealedAgain) {}

    @ReadOperation
    Keys keys() {
        return new Keys(cipher.currentKeyId(), rekeying.sealedByKey(), 0);
    }

    @WriteOperation
    Keys sealAgain() {
        int sealedAgain = rekeying.sealAgainWithTheCurrentKey();
        return new Keys(cipher.currentKeyId(), rekeying.sealedByKey(), sealedAgain);
    }
}
