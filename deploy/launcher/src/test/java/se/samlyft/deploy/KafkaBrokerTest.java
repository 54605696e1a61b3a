package se.samlyft.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void configuresOneNodeThatIsBrokerAndControllerOnTheLoopbackAddress() {
        String properties =
                KafkaBroker.serverProperties(Path.of("/srv/samlyft/.samlyft/kafka/data"), 19092, 19093, false);

        assertThat(properties.lines())
                .contains(
                        "process.roles=broker,controller",
                        "controller.quorum.voters=1@127.0.0.1:19093",
                        "listeners=CLIENT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093",
                        "advertised.listeners=CLIENT://127.0.0.1:19092",
                        "log.dirs=/srv/samlyft/.samlyft/kafka/data",
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "min.insync.replicas=1");
    }

    @Test
    void takesOnlyAuthenticatedClientsAndAllowsOnlyWhatAnAclGrants() {
        String properties =
                KafkaBroker.serverProperties(Path.of("/srv/samlyft/.samlyft/kafka/data"), 19092, 19093, false);

        assertThat(properties.lines())
                .contains(
                        "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT",
                        "listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512",
                        "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                        "super.users=User:admin",
                        "allow.everyone.if.no.acl.found=false",
                        "auto.create.topics.enable=false")
                .noneMatch(line -> line.contains("PLAINTEXT://"))
                .noneMatch(line -> line.startsWith("listener.name.client.plain."));
    }

    @Test
    void letsTheAdminInWithPlainOnlyWhileItsScramCredentialIsAdded() {
        String properties =
                KafkaBroker.serverProperties(Path.of("/srv/samlyft/.samlyft/kafka/data"), 19092, 19093, true);

        assertThat(properties.lines())
                .contains("listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN")
                .anyMatch(line -> line.startsWith("listener.name.client.plain.sasl.jaas.config=")
                        && line.contains("user_admin=\"admin-kafka-secret\""));
    }
}
