package se.samlyft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

    @Test
    void readsTheKibibytesOfAStatusLine() {
        assertThat(ResidentMemory.kib("VmRSS:\t  348020 kB")).isEqualTo(348_020);
    }

    @Test
    void measuresThisJvmAsAPositiveProportionalShareNoLargerThanItsResidentSet() {
        long pid = ProcessHandle.current().pid();

        OptionalLong measured = ResidentMemory.of(pid);

        assertThat(measured).isPresent();
        assertThat(measured.getAsLong()).isPositive();
        assertThat(measured.getAsLong())
                .isLessThanOrEqualTo(ResidentMemory.residentSet(pid).getAsLong());
    }

    @Test
    void showsMegabytesOrSaysItDoesNotKnow() {
        assertThat(ResidentMemory.format(OptionalLong.of(348_020))).isEqualTo("340 MB");
        assertThat(ResidentMemory.format(OptionalLong.empty())).isEqualTo("unknown");
    }
}
