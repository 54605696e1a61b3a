package se.samlyft.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GenerationsTest {

    @Test
    void appliesEventsToTheCurrentGenerationAndTheOneBeingBuilt() {
        assertThat(new Generations(3, OptionalInt.empty()).active()).containsExactly(3);
        assertThat(new Generations(3, OptionalInt.of(4)).active()).containsExactly(3, 4);
        assertThat(new Generations(3, OptionalInt.empty()).next()).isEqualTo(4);
    }

    @Test
    void refusesToBuildAnEarlierGeneration() {
        assertThatThrownBy(() -> new Generations(3, OptionalInt.of(3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Generations(0, OptionalInt.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
