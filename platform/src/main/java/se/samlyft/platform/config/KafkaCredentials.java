package se.samlyft.platform.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The service's Kafka principal as Spring Kafka's client settings: with {@code samlyft.kafka.username} (and {@code
 * samlyft.kafka.password}) set, every producer, consumer and admin client of the service authenticates with
 * SASL/SCRAM-SHA-512 over {@code samlyft.kafka.security-protocol} ({@code SASL_PLAINTEXT} unless set; {@code SASL_SSL}
 * with TLS, whose trust store then comes from {@code spring.kafka.ssl.*}). Without a username the client connects
 * without authentication, as the tests' in-process broker expects.
 *
 * <p>The username and password may come from any source the environment has when the application starts, the
 * environment variables {@code SAMLYFT_KAFKA_USERNAME} and {@code SAMLYFT_KAFKA_PASSWORD} included. The settings rank
 * below every other source, so a service may still set {@code spring.kafka.*} itself.
 */
final class KafkaCredentials {

    static final String NAME = "samlyftKafkaCredentials";

    static final String USERNAME = "samlyft.kafka.username";
    static final String PASSWORD = "samlyft.kafka.password";
    static final String SECURITY_PROTOCOL = "samlyft.kafka.security-protocol";

    static final String MECHANISM = "SCRAM-SHA-512";

    private static final Set<String> PROTOCOLS = Set.of("SASL_PLAINTEXT", "SASL_SSL");

    private KafkaCredentials() {}

    /** The client settings of the environment's principal, if it names one. */
    static Optional<MapPropertySource> of(ConfigurableEnvironment environment) {
        String username = environment.getProperty(USERNAME, "").strip();
        if (username.isEmpty()) {
            return Optional.empty();
        }
        String given = environment.getProperty(SECURITY_PROTOCOL, "SASL_PLAINTEXT");
        String protocol = given.strip().toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalStateException(SECURITY_PROTOCOL + " is SASL_PLAINTEXT or SASL_SSL, not " + given);
        }
        return Optional.of(new MapPropertySource(
                NAME,
                Map.of(
                        "spring.kafka.security.protocol",
                        protocol,
                        "spring.kafka.properties.sasl.mechanism",
                        MECHANISM,
                        "spring.kafka.properties.sasl.jaas.config",
                        jaasConfig(username, environment.getProperty(PASSWORD, "")))));
    }

    /** The JAAS line of Kafka's SCRAM login module, with quotes and backslashes in the values escaped. */
    static String jaasConfig(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + quoted(username)
                + "\" password=\"" + quoted(password) + "\";";
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
