package se.samlyft.identity.person.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samlyft.identity.person.PersonalIdentityNumber;

class PersonalNumberCipherTest {

    static final String FIRST_KEY = "c2FtbHlmdC1kZXZlbG9wbWVudC1vbmx5LWtleS0wMDE=";
    static final String SECOND_KEY = "YW5vdGhlci1rZXktb2YtdGhpcnR5LXR3by1ieXRlcyE=";

    private static final PersonalIdentityNumber NUMBER = PersonalIdentityNumber.restore("198503152384");

    @Test
    void everyCiphertextNamesTheKeyItWasSealedWith() {
        PersonalNumberCipher first = new PersonalNumberCipher(new PersonalNumberKeys(FIRST_KEY, "2026-1", Map.of()));
        UUID person = UUID.randomUUID();

        byte[] sealed = first.encrypt(NUMBER, person);

        assertThat(PersonalNumberCipher.keyIdOf(sealed)).isEqualTo("2026-1");
        assertThat(first.decrypt(sealed, person)).isEqualTo(NUMBER);
    }

    @Test
    void aPreviousKeyStillOpensWhatItSealedAndTheCurrentOneSealsWhatIsNew() {
        UUID person = UUID.randomUUID();
        byte[] old = new PersonalNumberCipher(new PersonalNumberKeys(FIRST_KEY, "1", Map.of())).encrypt(NUMBER, person);
        PersonalNumberCipher rotated =
                new PersonalNumberCipher(new PersonalNumberKeys(SECOND_KEY, "2", Map.of("1", FIRST_KEY)));

        assertThat(rotated.decrypt(old, person)).isEqualTo(NUMBER);
        assertThat(PersonalNumberCipher.keyIdOf(rotated.encrypt(NUMBER, person)))
                .isEqualTo("2");
    }

    @Test
    void saysWhichSettingLacksTheKeyOfACiphertext() {
        UUID person = UUID.randomUUID();
        byte[] old = new PersonalNumberCipher(new PersonalNumberKeys(FIRST_KEY, "1", Map.of())).encrypt(NUMBER, person);
        PersonalNumberCipher withoutIt = new PersonalNumberCipher(new PersonalNumberKeys(SECOND_KEY, "2", Map.of()));

        assertThatThrownBy(() -> withoutIt.decrypt(old, person))
                .hasMessageContaining("sealed with key 1")
                .hasMessageContaining("samlyft.identity.personal-number-previous-keys");
    }

    @Test
    void aCiphertextCopiedToAnotherPersonDoesNotOpen() {
        PersonalNumberCipher cipher = new PersonalNumberCipher(new PersonalNumberKeys(FIRST_KEY, "1", Map.of()));

        byte[] sealed = cipher.encrypt(NUMBER, UUID.randomUUID());

        assertThatThrownBy(() -> cipher.decrypt(sealed, UUID.randomUUID())).hasMessageContaining("wrong key?");
    }
}
