package se.samlyft.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.StringUtils;
import se.samlyft.platform.config.PlatformDefaults;
import se.samlyft.platform.config.ProductionSecrets;
import tools.jackson.databind.JsonNode;

/**
 * Each Deployment as its service would read it: the environment the rendered overlay gives the container (its
 * ConfigMaps, its values, each Secret's key as an opaque value), over the module's own {@code application.yml} (and
 * {@code application-<profile>.yml}), read with Spring Boot's relaxed binding and the platform's own post-processors.
 * The service runs the {@code production} profile, which refuses none of its settings; every secret its configuration
 * names comes from a Secret and no address points at the machine itself; and its Kafka clients connect as the
 * platform's code makes them: SASL/SCRAM-SHA-512 over TLS to Strimzi's TLS listener, trusting Strimzi's cluster CA, as
 * the KafkaUser of its name with the password of that user's Secret.
 */
class ProductionEnvironmentTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    private static final Path HOME =
            Path.of(System.getProperty("samlyft.home", "../..")).toAbsolutePath();

    private static final String FROM_SECRET = Rendered.FROM_SECRET;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceRunsTheProductionProfileWithEverySettingItNeeds(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Manifest deployment : Rendered.ofKind(overlay, "Deployment")) {
            String module = deployment.name();
            Map<String, String> variables = Rendered.environment(overlay, deployment);
            StandardEnvironment environment = environment(module, variables);
            if (!Arrays.asList(environment.getActiveProfiles()).contains(ProductionSecrets.PROFILE)) {
                problems.add(module + " does not run the production profile: "
                        + Arrays.toString(environment.getActiveProfiles()));
            }
            for (Map.Entry<String, String> setting :
                    ownSettings(module, environment).entrySet()) {
                String name = setting.getKey();
                String value = environment.getProperty(name, "");
                if (isSecret(name) && !value.startsWith(FROM_SECRET)) {
                    problems.add(module + " keeps " + name + " of its application.yml; the production profile needs it"
                            + " from a Secret");
                }
                if (value.contains("localhost") || value.contains("127.0.0.1")) {
                    problems.add(module + " keeps " + name + " = " + value + " of its application.yml in production");
                }
            }
            if (usesPlatform(module)) {
                assertThatCode(() ->
                                new ProductionSecrets().postProcessEnvironment(environment, new SpringApplication()))
                        .as(module + " in the production profile")
                        .doesNotThrowAnyException();
            }
            if (environment.getProperty("samlyft.integration.targets.allow-loopback", Boolean.class, false)) {
                problems.add(module + " lets webhooks go to this machine, which production refuses");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyKafkaClientUsesScramOverTlsAsItsOwnKafkaUser(String overlay) {
        Manifest kafka = Rendered.ofKind(overlay, "Kafka").getFirst();
        JsonNode listener =
                kafka.object().path("spec").path("kafka").path("listeners").path(0);
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(listener.path("authentication").path("type").asString()).isEqualTo("scram-sha-512");
        String bootstrap =
                kafka.name() + "-kafka-bootstrap:" + listener.path("port").asInt();
        String clusterCa = kafka.name() + "-cluster-ca-cert";
        Map<String, Manifest> users = new TreeMap<>();
        Rendered.ofKind(overlay, "KafkaUser").forEach(user -> users.put(user.name(), user));

        Set<String> clients = new TreeSet<>();
        for (Manifest deployment : Rendered.ofKind(overlay, "Deployment")) {
            String module = deployment.name();
            if (!deployment.name().endsWith("-service")) {
                continue;
            }
            clients.add(module);
            StandardEnvironment environment = environment(module, Rendered.environment(overlay, deployment));
            KafkaProperties kafkaProperties =
                    Binder.get(environment).bindOrCreate("spring.kafka", KafkaProperties.class);
            for (Map<String, Object> client : List.of(
                    kafkaProperties.buildConsumerProperties(),
                    kafkaProperties.buildProducerProperties(),
                    kafkaProperties.buildAdminProperties())) {
                assertThat(client)
                        .as(module + "'s Kafka client")
                        .containsEntry("bootstrap.servers", List.of(bootstrap))
                        .containsEntry("security.protocol", "SASL_SSL")
                        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                        .containsEntry("ssl.truststore.type", "PEM")
                        .containsEntry(
                                "sasl.jaas.config",
                                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + module
                                        + "\" password=\"" + FROM_SECRET + module + " password>\";");
                String trustStore = String.valueOf(client.get("ssl.truststore.location"));
                assertThat(mountedSecret(deployment, trustStore))
                        .as(module + "'s trust store " + trustStore)
                        .isEqualTo(clusterCa + " ca.crt");
            }
            assertThat(users).as("the KafkaUser " + module).containsKey(module);
            assertThat(users.get(module).at("spec", "authentication", "type").map(JsonNode::asString))
                    .contains("scram-sha-512");
        }
        assertThat(clients)
                .containsExactlyInAnyOrder(
                        "identity-service",
                        "catalog-service",
                        "enrolment-service",
                        "reporting-service",
                        "integration-service");
    }

    /**
     * The service's environment: the variables, then its {@code application-<profile>.yml} and {@code
     * application.yml}, as Spring Boot ranks them, with the platform's defaults and Kafka settings where the service
     * has the platform.
     */
    private static StandardEnvironment environment(String module, Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(variables)));
        ConfigurationPropertySources.attach(environment);
        String[] profiles = StringUtils.commaDelimitedListToStringArray(
                StringUtils.trimAllWhitespace(environment.getProperty("spring.profiles.active", "")));
        environment.setActiveProfiles(profiles);
        for (String profile : profiles) {
            ownFiles(module, "application-" + profile + ".yml").forEach(sources::addLast);
        }
        ownFiles(module, "application.yml").forEach(sources::addLast);
        if (usesPlatform(module)) {
            new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        }
        return environment;
    }

    /** Every setting the module's own configuration files give, by name. */
    private static Map<String, String> ownSettings(String module, StandardEnvironment environment) {
        Map<String, String> settings = new TreeMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.getName().startsWith(module + "/") && source instanceof EnumerablePropertySource<?> own) {
                for (String name : own.getPropertyNames()) {
                    settings.putIfAbsent(name, String.valueOf(own.getProperty(name)));
                }
            }
        }
        assertThat(settings).as(module + "'s application.yml").isNotEmpty();
        return settings;
    }

    private static List<PropertySource<?>> ownFiles(String module, String file) {
        Path path = HOME.resolve(module).resolve("src/main/resources").resolve(file);
        if (!Files.isRegularFile(path)) {
            return List.of();
        }
        try {
            return new YamlPropertySourceLoader().load(module + "/" + file, new FileSystemResource(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the module is built on the platform (its defaults, its Kafka settings, its production refusals). */
    private static boolean usesPlatform(String module) {
        try {
            return Files.readString(HOME.resolve(module).resolve("pom.xml"))
                    .contains("<artifactId>platform</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A setting named as a secret, as the production profile names them: password, secret, or ending in key. */
    private static boolean isSecret(String name) {
        return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[._\\[\\]]"))
                .anyMatch(part -> part.contains("password")
                        || part.contains("secret")
                        || part.endsWith("key")
                        || part.endsWith("keys"));
    }

    /** The Secret and key a file of the container comes from, as {@code <secret> <key>}, or where it does not. */
    private static String mountedSecret(Manifest deployment, String file) {
        JsonNode pod = deployment.object().path("spec").path("template").path("spec");
        for (JsonNode mount : deployment.containers().getFirst().path("volumeMounts")) {
            String directory = mount.path("mountPath").asString();
            if (!file.startsWith(directory + "/")) {
                continue;
            }
            String relative = file.substring(directory.length() + 1);
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.path("name").asString().equals(mount.path("name").asString())) {
                    JsonNode secret = volume.path("secret");
                    for (JsonNode item : secret.path("items")) {
                        if (item.path("path").asString().equals(relative)) {
                            return secret.path("secretName").asString() + " "
                                    + item.path("key").asString();
                        }
                    }
                    return "no item " + relative + " in volume " + volume;
                }
            }
        }
        return "no volume mounted at " + file;
    }
}
