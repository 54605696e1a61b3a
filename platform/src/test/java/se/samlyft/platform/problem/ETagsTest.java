package se.samlyft.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void formatsAVersionAsAStrongETag() {
        assertThat(ETags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    void acceptsTheCurrentVersionAloneOrInAList() {
        assertThatCode(() -> ETags.requireMatch("\"7\"", 7)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("\"6\", \"7\"", 7)).doesNotThrowAnyException();
        assertThatCode(() -> ETags.requireMatch("*", 7)).doesNotThrowAnyException();
    }

    @Test
    void refusesAnOlderVersionWith412() {
        assertThatThrownBy(() -> ETags.requireMatch("\"6\"", 7))
                .isInstanceOf(PreconditionFailed.class)
                .extracting(failure -> ((ProblemException) failure).status())
                .isEqualTo(412);
    }

    @Test
    void refusesAWeakTagOfTheCurrentVersionBecauseIfMatchComparesStrongly() {
        assertThatThrownBy(() -> ETags.requireMatch("W/\"7\"", 7)).isInstanceOf(PreconditionFailed.class);
    }

    @Test
    void requiresIfMatchWith428() {
        assertThatThrownBy(() -> ETags.requireMatch(null, 7))
                .isInstanceOf(PreconditionRequired.class)
                .extracting(failure -> ((ProblemException) failure).status())
                .isEqualTo(428);
        assertThatThrownBy(() -> ETags.requireMatch(" ", 7)).isInstanceOf(PreconditionRequired.class);
    }

    @Test
    void namesIfMatchAsTheInvalidFieldWhenItIsNoEntityTag() {
        assertThatThrownBy(() -> ETags.requireMatch("7", 7))
                .isInstanceOf(InvalidInput.class)
                .extracting(failure -> ((InvalidInput) failure).field().orElseThrow())
                .isEqualTo("If-Match");
        assertThatThrownBy(() -> ETags.requireMatch("\"7", 7)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> ETags.requireMatch("\"6\" \"7\"", 7)).isInstanceOf(InvalidInput.class);
    }
}
