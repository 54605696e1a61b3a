package se.samlyft.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A single-node Kafka broker in KRaft combined mode (broker and controller in one process), run from the jars that
 * the {@code kafka-runtime} module collects, closed as production's is: clients authenticate with SASL/SCRAM-SHA-512,
 * the {@code StandardAuthorizer} allows only what {@link KafkaPrincipals} grants (nothing where no ACL says so), and
 * the broker creates no topic by itself. The controller listener takes the launcher's {@code admin} alone, with
 * SASL/PLAIN (KRaft controllers cannot check SCRAM credentials, which live in the metadata they serve).
 *
 * <p>Its log directories live in {@code .samlyft/kafka/data} and are formatted on the first start only, with the
 * admin's SCRAM credential. Once the broker answers, the launcher gives every service principal its credential and
 * ACLs and creates the missing topics, on every start, so a changed grant takes effect at the next start. Data
 * formatted before the broker was closed lacks the admin's credential: that start also accepts the admin with
 * SASL/PLAIN on the client listener, long enough to add it.
 */
final class KafkaBroker extends ProcessComponent {

    /** Beside the data: written once the data holds the admin's SCRAM credential. */
    static final String CREDENTIALS_MARKER = "scram-credentials";

    private final Path directory;
    private final Path data;
    private final Path lib;
    private final int port;
    private final int controllerPort;
    private volatile boolean addingAdminCredential;
    private volatile boolean secured;

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
        secured = false;
        Path serverProperties = directory.resolve("server.properties");
        Path marker = directory.resolve(CREDENTIALS_MARKER);
        boolean formatted = Files.exists(data.resolve("meta.properties"));
        addingAdminCredential = formatted && !Files.exists(marker);
        Files.writeString(serverProperties, serverProperties(data, port, controllerPort, addingAdminCredential));
        Files.writeString(directory.resolve("log4j2.properties"), LOG4J2_PROPERTIES);
        if (!formatted) {
            List<String> format = java(
                    "kafka.tools.StorageTool",
                    "format",
                    "--cluster-id",
                    Uuid.randomUuid().toString(),
                    "--config",
                    serverProperties.toString(),
                    "--add-scram",
                    KafkaPrincipals.MECHANISM + "=[name=" + KafkaPrincipals.ADMIN + ",password="
                            + KafkaPrincipals.password(KafkaPrincipals.ADMIN) + "]");
            int exitCode = ManagedProcess.run(format, log());
            if (exitCode != 0) {
                throw new IOException("Could not format Kafka's log directories (exit code " + exitCode + ").");
            }
            Files.writeString(marker, KafkaPrincipals.MECHANISM + "\n");
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
     * The broker's configuration: one node that is broker and controller, on 127.0.0.1 only, with SASL on both
     * listeners, ACLs, and no topic created by itself; a topic gets
     * three partitions, so that the instances of a service ({@code -Dsamlyft.instances=2}) share its consumers' work; {@code plainForAdmin} also lets the admin in with SASL/PLAIN on
     * the client listener, to add its SCRAM credential to data formatted without it.
     */
    static String serverProperties(Path data, int port, int controllerPort, boolean plainForAdmin) {
        String admin = KafkaPrincipals.ADMIN;
        String password = KafkaPrincipals.password(admin);
        String plainLogin =
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\"".formatted(admin)
                        + " password=\"%s\" user_%s=\"%s\";".formatted(password, admin, password);
        String clientMechanisms = plainForAdmin ? KafkaPrincipals.MECHANISM + ",PLAIN" : KafkaPrincipals.MECHANISM;
        String plainOnClient = plainForAdmin ? "listener.name.client.plain.sasl.jaas.config=" + plainLogin + "\n" : "";
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                controller.listener.names=CONTROLLER
                listeners=CLIENT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=CLIENT://127.0.0.1:%1$d
                inter.broker.listener.name=CLIENT
                listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT
                sasl.mechanism.controller.protocol=PLAIN
                sasl.mechanism.inter.broker.protocol=%4$s
                listener.name.controller.sasl.enabled.mechanisms=PLAIN
                listener.name.controller.plain.sasl.jaas.config=%5$s
                listener.name.client.sasl.enabled.mechanisms=%6$s
                listener.name.client.scram-sha-512.sasl.jaas.config=%7$s
                %8$sauthorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
                super.users=User:%9$s
                allow.everyone.if.no.acl.found=false
                auto.create.topics.enable=false
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
                """.formatted(
                        port,
                        controllerPort,
                        data.toAbsolutePath(),
                        KafkaPrincipals.MECHANISM,
                        plainLogin,
                        clientMechanisms,
                        scramLogin(admin, password),
                        plainOnClient,
                        admin);
    }

    static String scramLogin(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
                .formatted(username, password);
    }

    /** The client settings of a principal of the local broker, for the launcher, a test or a tool. */
    static Map<String, Object> clientSettings(int port, String principal) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + port,
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG,
                "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM,
                KafkaPrincipals.MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG,
                scramLogin(principal, KafkaPrincipals.password(principal)));
    }

    private static final String LOG4J2_PROPERTIES = """
            appender.stdout.type=Console
            appender.stdout.name=STDOUT
            appender.stdout.layout.type=PatternLayout
            appender.stdout.layout.pattern=[%d] %p %m (%c)%n
            rootLogger.level=INFO
            rootLogger.appenderRef.stdout.ref=STDOUT
            """;

    /**
     * Ready when the broker answers the admin and has the platform's principals, ACLs and topics, which the first
     * answer of each start puts in place.
     */
    @Override
    public boolean isReady() {
        if (secured) {
            return true;
        }
        Map<String, Object> config = new HashMap<>(clientSettings(port, KafkaPrincipals.ADMIN));
        if (addingAdminCredential) {
            config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
            config.put(
                    SaslConfigs.SASL_JAAS_CONFIG,
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\" password=\"%s\";"
                            .formatted(KafkaPrincipals.ADMIN, KafkaPrincipals.password(KafkaPrincipals.ADMIN)));
        }
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            if (admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                return false;
            }
            secure(admin);
            if (addingAdminCredential) {
                Files.writeString(directory.resolve(CREDENTIALS_MARKER), KafkaPrincipals.MECHANISM + "\n");
                addingAdminCredential = false;
            }
            secured = true;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Gives every principal its SCRAM credential and ACLs, and creates the topics that do not exist yet. */
    private static void secure(Admin admin) throws Exception {
        List<UserScramCredentialAlteration> credentials = KafkaPrincipals.principals().stream()
                .map(principal -> (UserScramCredentialAlteration) new UserScramCredentialUpsertion(
                        principal,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192),
                        KafkaPrincipals.password(principal)))
                .toList();
        admin.alterUserScramCredentials(credentials).all().get(10, TimeUnit.SECONDS);
        admin.createAcls(KafkaPrincipals.acls()).all().get(10, TimeUnit.SECONDS);
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = KafkaPrincipals.topics().stream()
                .filter(topic -> !existing.contains(topic))
                .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty()))
                .toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
        }
    }

    /** A fresh start formats the data and adds the principals; on a loaded machine that takes minutes. */
    @Override
    public Duration startupTimeout() {
        return Duration.ofSeconds(180);
    }
}
