package se.samlyft.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker in KRaft combined mode (broker and controller in one process), run from the jars that
 * the {@code kafka-runtime} module collects. Its log directories live in {@code .samlyft/kafka/data} and are
 * formatted on the first start only.
 */
final class KafkaBroker extends ProcessComponent {

    private final Path directory;
    private final Path data;
    private final Path lib;
    private final int port;
    private final int controllerPort;

    KafkaBroker(Settings settings) {
        super(settings.log("kafka"), Duration.ofSeconds(30));
        this.directory = settings.stateDirectory().resolve("kafka");
        this.data = directory.resolve("data");
        this.lib = settings.kafkaLib();
        this.port = settings.ports().kafka();
        this.controllerPort = settings.ports().kafkaController();
    }

    @Override
    public String name() {
        return "Kafka";
    }

    @Override
    public void start() throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path serverProperties = directory.resolve("server.properties");
        Files.writeString(serverProperties, serverProperties(data, port, controllerPort));
        Files.writeString(directory.resolve("log4j2.properties"), LOG4J2_PROPERTIES);
        if (!Files.exists(data.resolve("meta.properties"))) {
            List<String> format = java(
                    "kafka.tools.StorageTool",
                    "format",
                    "--cluster-id",
                    Uuid.randomUuid().toString(),
                    "--config",
                    serverProperties.toString());
            int exitCode = ManagedProcess.run(format, log());
            if (exitCode != 0) {
                throw new IOException("Could not format Kafka's log directories (exit code " + exitCode + ").");
            }
        }
        running(ManagedProcess.start(
                java("kafka.Kafka", serverProperties.toString()), directory, log(), environment -> {}));
    }

    private List<String> java(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Settings.java().toString(),
                "-Xms128m",
                "-Xmx512m",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"),
                "-cp",
                lib.resolve("*").toString(),
                mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * The broker's configuration: one node that is broker and controller, on 127.0.0.1 only. A topic gets three
     * partitions, so that the instances of a service ({@code -Dsamlyft.instances=2}) share its consumers' work.
     */
    static String serverProperties(Path data, int port, int controllerPort) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                controller.listener.names=CONTROLLER
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, data.toAbsolutePath());
    }

    private static final String LOG4J2_PROPERTIES = """
            appender.stdout.type=Console
            appender.stdout.name=STDOUT
            appender.stdout.layout.type=PatternLayout
            appender.stdout.layout.pattern=[%d] %p %m (%c)%n
            rootLogger.level=INFO
            rootLogger.appenderRef.stdout.ref=STDOUT
            """;

    /** Ready when the broker answers a cluster description to a client. */
    @Override
    public boolean isReady() {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        Admin admin = Admin.create(config);
        try {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(120);
    }
}
