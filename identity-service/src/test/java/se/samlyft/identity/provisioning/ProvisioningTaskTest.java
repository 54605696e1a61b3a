package se.samlyft.identity.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProvisioningTaskTest {

    @Test
    void waitsTwiceAsLongAfterEachFailureUpToFiveMinutes() {
        assertThat(ProvisioningTask.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ProvisioningTask.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ProvisioningTask.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(ProvisioningTask.backoff(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(ProvisioningTask.backoff(1000)).isEqualTo(Duration.ofMinutes(5));
    }
}
