package se.samlyft.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PseudonymsTest {

    private final Pseudonyms pseudonyms = new Pseudonyms("nyckel-för-pseudonymer-i-test");

    @Test
    void givesAPersonTheSamePseudonymEveryTime() {
        UUID person = UUID.randomUUID();

        assertThat(pseudonyms.participantOf(person)).isEqualTo(pseudonyms.participantOf(person));
    }

    @Test
    void givesEachPersonAnotherPseudonymThanTheirId() {
        UUID anna = UUID.randomUUID();
        UUID erik = UUID.randomUUID();

        assertThat(pseudonyms.participantOf(anna)).isNotEqualTo(anna).isNotEqualTo(pseudonyms.participantOf(erik));
    }

    @Test
    void dependsOnTheKey() {
        UUID person = UUID.randomUUID();

        assertThat(new Pseudonyms("en-annan-nyckel-för-test").participantOf(person))
                .isNotEqualTo(pseudonyms.participantOf(person));
    }

    @Test
    void refusesAShortKey() {
        assertThatThrownBy(() -> new Pseudonyms("kort")).isInstanceOf(IllegalArgumentException.class);
    }
}
