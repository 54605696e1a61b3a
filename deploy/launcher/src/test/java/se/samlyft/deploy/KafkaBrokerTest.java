package se.samlyft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void configuresOneNodeThatIsBrokerAndControllerOnTheLoopbackAddress() {
        String properties = KafkaBroker.serverProperties(Path.of("/srv/samlyft/.samlyft/kafka/data"), 19092, 19093);

        assertThat(properties.lines())
                .contains(
                        "process.roles=broker,controller",
                        "controller.quorum.voters=1@127.0.0.1:19093",
                        "listeners=PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093",
                        "advertised.listeners=PLAINTEXT://127.0.0.1:19092",
                        "log.dirs=/srv/samlyft/.samlyft/kafka/data",
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "min.insync.replicas=1");
    }
}
